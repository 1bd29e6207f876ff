import Formats

/// A summary's quantile series (`http_request_duration_seconds{quantile="0.9"}`): a latency percentile of the
/// service its labels name, as client libraries export them instead of histograms.
struct SummaryQuantile {
  let kind: SignalKind
  let scale: Double
  let series: MetricSeries

  /// The quantiles read as latency; a summary's other quantiles stay context.
  static let quantiles: [String: SignalKind] = [
    "0.5": .latencyP50, "0.50": .latencyP50, "0.9": .latencyP90, "0.90": .latencyP90, "0.99": .latencyP99,
  ]

  /// Words in a family name that say it measures time.
  static let durationWords = ["duration", "latency", "_seconds", "_milliseconds"]

  init?(_ series: MetricSeries) {
    guard let quantile = series.label("quantile"), let kind = Self.quantiles[quantile],
      Self.durationWords.contains(where: { series.name.contains($0) })
    else { return nil }
    self.kind = kind
    self.series = series
    scale = series.name.contains("_milliseconds") ? 0.001 : 1
  }

  func meaning(component: String) -> MetricVocabulary.Meaning {
    let others = series.labels.filter { $0.name != "quantile" }
    let subject = MetricVocabulary.displayName(
      MetricSeries(name: series.name, labels: others, kind: .summary))
    return MetricVocabulary.Meaning(
      component: component, kind: kind, subject: subject, unit: "s", role: .symptom, isCounter: false,
      client: nil, scale: scale)
  }
}
