import RealModule

/// One candidate explanation of the incident, as a pattern formed it: the origin, the path, and the weighed
/// evidence for and against it.
struct Hypothesis {
  var kind: IncidentKind
  /// Where the fault originates (a service, a DB client, the database itself).
  var component: String
  /// The shared thing through which it spreads; nil when it does not spread.
  var resource: String?
  /// Who drives it when known (a DB user, a client address, a calling job).
  var client: String?
  /// The change that started it (a deploy, a config change, a load source), when known.
  var trigger: String?
  var onsetMilliseconds: Int64
  var uncertaintyMilliseconds: Int64
  /// Evidence for (positive weights) and against (negative) this explanation.
  var weights: [EvidenceWeight]
  /// One sentence a reader can check against the chain.
  var summary: String
  var chain: [CausalLink]
  /// Signals the chain rests on, for the report's charts.
  var chartedSignals: [Int]
  var mitigations: [Mitigation] = []
  var followUps: [String] = []

  /// The sum of the evidence weights: a log-likelihood ratio against "not this", comparable across patterns.
  var score: Double { weights.reduce(0) { $0 + $1.weight } }

  /// The score a hypothesis must reach to be named the root cause; below it the report says `unknown`.
  static let bar = 2.5

  /// The score as a probability: logistic around the bar, so a hypothesis that just clears it is a coin toss
  /// and each further strong piece of evidence makes it markedly more likely.
  var confidence: Double { Self.confidence(score: score) }

  static func confidence(score: Double) -> Double {
    min(0.99, 1 / (1 + Double.exp(-(score - bar))))
  }

  /// The evidence that speaks against it, strongest first.
  var contradictions: [EvidenceWeight] { weights.filter { $0.weight < 0 }.sorted { $0.weight < $1.weight } }
}
