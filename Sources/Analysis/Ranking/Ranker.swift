/// Orders hypotheses from every pattern into one list, best first.
///
/// By score (the evidence weights, comparable across patterns); between equal scores, the one whose onset
/// precedes the other's beyond both uncertainties; then the origin's robust anomaly (BARO). The last resort
/// for exact ties is the pattern catalogue's order and then the text of the origin, for determinism only:
/// real evidence never gets that far.
enum Ranker {
  static func ranked(_ hypotheses: [Hypothesis], context: IncidentContext) -> [Hypothesis] {
    let order = Dictionary(
      PatternCatalog.all.enumerated().map { ($0.element.kind, $0.offset) }, uniquingKeysWith: min)
    return hypotheses.sorted { a, b in
      if a.score != b.score { return a.score > b.score }
      let margin = max(a.uncertaintyMilliseconds, b.uncertaintyMilliseconds)
      if a.onsetMilliseconds + margin < b.onsetMilliseconds { return true }
      if b.onsetMilliseconds + margin < a.onsetMilliseconds { return false }
      let anomalyA = context.anomalies.score(of: a.component)
      let anomalyB = context.anomalies.score(of: b.component)
      if anomalyA != anomalyB { return anomalyA > anomalyB }
      return (order[a.kind] ?? .max, a.component) < (order[b.kind] ?? .max, b.component)
    }
  }
}
