import Formats

extension SignalBuilder {
  /// The quantiles read from each histogram: p50, p90 and p99 of what was observed in each interval, as
  /// `histogram_quantile(q, rate(x_bucket[…]))` would chart them.
  static let histogramQuantiles: [(q: Double, kind: SignalKind, label: String)] = [
    (0.5, .latencyP50, "p50"), (0.9, .latencyP90, "p90"), (0.99, .latencyP99, "p99"),
  ]

  /// `x_bucket{le="0.5",…}` as its family (`x` with the other labels) and its upper bound.
  static func histogramBucket(_ series: MetricSeries) -> (family: MetricSeries, upperBound: Double)? {
    guard series.name.hasSuffix("_bucket"), let bound = series.label("le") else { return nil }
    let upperBound = ["+Inf", "Inf", "+inf", "inf"].contains(bound) ? Double.infinity : Double(bound)
    guard let upperBound else { return nil }
    let family = MetricSeries(
      name: String(series.name.dropLast("_bucket".count)), labels: series.labels.filter { $0.name != "le" },
      kind: .histogram)
    return (family, upperBound)
  }

  /// Quantile signals of each histogram family. Bucket counters become per-interval increases (a reset counts
  /// from zero); durations named in milliseconds are given in seconds, like the access logs' latencies.
  func histogramSignals(
    _ families: [MetricSeries: [(upperBound: Double, series: MetricAggregate.Series)]]
  ) -> [Signal] {
    var signals: [Signal] = []
    for (family, members) in families.sorted(by: {
      MetricVocabulary.displayName($0.key) < MetricVocabulary.displayName($1.key)
    }) {
      let buckets = members.sorted { $0.upperBound < $1.upperBound }
      let densest = buckets.max { $0.series.sampleCount < $1.series.sampleCount }!.series
      let native = nativeStep(
        first: densest.firstMilliseconds, last: densest.lastMilliseconds, count: densest.sampleCount)
      let range = self.buckets(step: native)
      let increases = buckets.map { bucket in
        var previous: MetricAggregate.Point?
        return latest(bucket.series.points, in: range, step: native).map { point -> Double in
          defer { if point != nil { previous = point } }
          guard let point, let before = previous else { return .nan }
          return point.value >= before.value ? point.value - before.value : point.value
        }
      }
      let isDuration = ["duration", "latency", "_seconds", "_milliseconds"].contains {
        family.name.contains($0)
      }
      let scale = family.name.contains("_milliseconds") ? 0.001 : 1
      let meaning = MetricVocabulary.meaning(of: family)
      let labels = MetricVocabulary.displayName(MetricSeries(name: "", labels: family.labels, kind: .gauge))
      for quantile in Self.histogramQuantiles {
        let values = (0..<range.count).map { index -> Double in
          let counts = zip(buckets, increases).map { ($0.upperBound, $1[index]) }
          guard !counts.contains(where: { $0.1.isNaN }) else { return .nan }
          return HistogramQuantile.value(quantile.q, buckets: counts) * scale
        }
        signals.append(
          Signal(
            key: SignalKey(
              component: meaning.component, kind: isDuration ? quantile.kind : .metric,
              subject: isDuration ? nil : "\(family.name) \(quantile.label)", source: family.name),
            name: "\(family.name) \(quantile.label)\(labels.isEmpty ? "" : " " + labels)",
            unit: isDuration ? "s" : "", role: isDuration ? .symptom : .context,
            startMilliseconds: range.lowerBound * native, stepMilliseconds: native, values: values,
            sources: Array(Set(buckets.flatMap(\.series.paths))).sorted(), resource: meaning.resource))
      }
    }
    return signals
  }
}
