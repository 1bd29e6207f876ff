/// One candidate explanation of the incident, scored; the best becomes the root cause, the rest alternatives.
struct Hypothesis {
  var component: String
  var kind: IncidentKind
  var resource: String?
  var onsetMilliseconds: Int64
  /// 0…1, from the evidence the hypothesis found (see each pattern for its terms).
  var confidence: Double
  /// One sentence a reader can check against the chain.
  var summary: String
  var chain: [CausalLink]
  /// Signals the chain rests on, for the report's charts.
  var chartedSignals: [Int]
}
