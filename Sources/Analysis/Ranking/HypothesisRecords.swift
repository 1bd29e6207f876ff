/// `rca.json`'s `hypotheses`: every pattern tried, with each hypothesis's score, verdict and deciding
/// evidence, or the reason the pattern formed none.
enum HypothesisRecords {
  static func make(
    tried: [(pattern: any IncidentPattern, hypotheses: [Hypothesis])], ranked: [Hypothesis], best: Hypothesis?
  ) -> [HypothesisRecord] {
    var records = ranked.map { hypothesis in
      let isBest = best.map { $0.kind == hypothesis.kind && $0.component == hypothesis.component } ?? false
      let verdict =
        isBest ? "root cause" : hypothesis.score >= Hypothesis.bar ? "alternative" : "below the bar"
      return HypothesisRecord(
        kind: hypothesis.kind, component: hypothesis.component, resource: hypothesis.resource,
        client: hypothesis.client, score: Numbers.rounded(hypothesis.score),
        confidence: Numbers.rounded(hypothesis.confidence), verdict: verdict, why: hypothesis.summary,
        evidence: hypothesis.weights.sorted { abs($0.weight) > abs($1.weight) }.map {
          ($0.weight >= 0 ? "+" : "") + Numbers.text($0.weight) + " " + $0.reason
        })
    }
    for (pattern, hypotheses) in tried where hypotheses.isEmpty {
      records.append(
        HypothesisRecord(
          kind: pattern.kind, component: nil, resource: nil, client: nil, score: 0, confidence: 0,
          verdict: "not applicable", why: "requires \(pattern.requires); none found", evidence: []))
    }
    return records
  }
}
