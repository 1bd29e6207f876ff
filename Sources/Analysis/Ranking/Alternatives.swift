import Signals

/// The explanations the report lists after the root cause.
enum Alternatives {
  /// At most this many, one per origin and kind.
  static let limit = 5

  /// The runners-up after `best`.
  static func ranked(_ ranked: [Hypothesis], best: Hypothesis) -> [Alternative] {
    var seen: Set<String> = ["\(best.kind.rawValue) \(best.component)"]
    var result: [Alternative] = []
    for hypothesis in ranked where result.count < limit && hypothesis.score > 0 {
      guard seen.insert("\(hypothesis.kind.rawValue) \(hypothesis.component)").inserted else { continue }
      result.append(
        Alternative(
          component: hypothesis.component, kind: hypothesis.kind,
          confidence: Numbers.rounded(hypothesis.confidence), why: hypothesis.summary))
    }
    return result
  }

  /// When nothing cleared the bar: the strongest hypotheses, then the components with the largest robust
  /// anomalies, all at confidence 0 as the root cause is unknown.
  static func unknown(ranked: [Hypothesis], context: IncidentContext) -> [Alternative] {
    var seen = Set<String>()
    var result: [Alternative] = []
    for hypothesis in ranked where result.count < limit && hypothesis.score > 0 {
      guard seen.insert(hypothesis.component).inserted else { continue }
      result.append(
        Alternative(
          component: hypothesis.component, kind: hypothesis.kind,
          confidence: Numbers.rounded(hypothesis.confidence),
          why: "below the bar (score \(Numbers.text(hypothesis.score))): \(hypothesis.summary)"))
    }
    for entry in context.anomalies.ranked where result.count < limit && entry.score >= 3 {
      guard seen.insert(entry.component).inserted else { continue }
      let signal = context.extraction.signals[entry.signal]
      result.append(
        Alternative(
          component: entry.component, kind: .unknown, confidence: 0,
          why: "largest robust anomaly: \(signal.name) reached \(Numbers.text(entry.score)) IQRs above its "
            + "median before the onset"))
    }
    return result
  }
}
