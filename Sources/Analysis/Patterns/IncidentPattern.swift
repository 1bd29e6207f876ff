/// One kind of incident, as an SRE would recognise it: the evidence it cannot do without, what speaks for
/// and against it, and the hypotheses it forms from an incident's evidence.
///
/// Patterns see the incident only through `IncidentContext` (the evidence index, the topology), so a new
/// reader feeds every pattern, and a new kind of incident is one new type in `PatternCatalog`. Scores are
/// sums of `EvidenceWeight`s, comparable across patterns: the ranking never needs to know which pattern
/// formed a hypothesis.
protocol IncidentPattern: Sendable {
  var kind: IncidentKind { get }
  /// The evidence without which the pattern does not apply, in words, for the report's hypotheses table.
  var requires: String { get }
  /// One hypothesis per candidate origin the evidence supports, each with its weights; empty when the
  /// required evidence is missing.
  func hypotheses(in context: IncidentContext) -> [Hypothesis]
  /// When the pattern formed no hypothesis: what was measured that rules its cause out, for "ruled out".
  func ruledOut(in context: IncidentContext) -> RuledOutCause?
}

extension IncidentPattern {
  func ruledOut(in context: IncidentContext) -> RuledOutCause? { nil }
}
