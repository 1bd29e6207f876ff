/// The summary paragraph at the top of the report.
enum Narrative {
  static func summary(best: Hypothesis, impact: Impact) -> String {
    var parts: [String] = []
    parts.append(best.summary)
    if !impact.services.isEmpty {
      let hurt = impact.services.map { service in
        var facts: [String] = []
        if let errors = impact.peakErrorRate[service], errors > 0 {
          facts.append("5xx up to \(Numbers.percent(errors))")
        }
        if let latency = impact.peakLatencyP90Seconds[service] {
          facts.append("p90 up to \(Numbers.text(latency)) s")
        }
        return facts.isEmpty ? service : "\(service) (\(facts.joined(separator: ", ")))"
      }
      parts.append("Affected: \(hurt.joined(separator: "; ")).")
    }
    parts.append(
      "Suspected root cause: \(best.kind.rawValue) in \(best.component)"
        + (best.resource.map { " through \($0)" } ?? "") + ", confidence \(Numbers.percent(best.confidence))."
    )
    return parts.joined(separator: " ")
  }

  /// When nothing cleared the bar: say so, and name the strongest candidate so the reader knows where to look.
  static func unknownSummary(strongest: Hypothesis?, context: IncidentContext) -> String {
    guard let strongest else {
      return "No incident found: no signal changed significantly in the window."
    }
    return "No explanation reached the bar. The strongest candidate is \(strongest.kind.rawValue) in "
      + "\(strongest.component) (score \(Numbers.text(strongest.score)), confidence "
      + "\(Numbers.percent(strongest.confidence))); the alternatives list what else changed."
  }
}
