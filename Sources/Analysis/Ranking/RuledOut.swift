import Signals

/// Causes the evidence speaks against, each with the measurement that rules it out: patterns that found
/// nothing to stand on, losing hypotheses with what contradicts them, deploys, and the services that stayed calm.
struct RuledOut {
  let context: IncidentContext
  let best: Hypothesis?

  /// Losing hypotheses quoted with their contradictions, at most this many.
  static let losers = 3

  func causes(tried: [(pattern: any IncidentPattern, hypotheses: [Hypothesis])], ranked: [Hypothesis])
    -> [RuledOutCause]
  {
    var causes: [RuledOutCause] = []
    for (pattern, hypotheses) in tried
    where !hypotheses.contains(where: { $0.kind == best?.kind && $0.component == best?.component }) {
      guard hypotheses.isEmpty || best == nil, let cause = pattern.ruledOut(in: context) else { continue }
      if best?.resource == nil || cause.cause != "database" { causes.append(cause) }
    }
    var quoted = 0
    for loser in ranked where loser.component != best?.component && quoted < Self.losers {
      guard let strongest = loser.contradictions.first else { continue }
      causes.append(
        RuledOutCause(cause: "\(loser.kind.rawValue) in \(loser.component)", why: strongest.reason))
      quoted += 1
    }
    if best?.trigger == nil { causes.append(deploys()) }
    let hurt = Set(context.firstSymptomByService.keys)
    let calm = context.services.filter { !hurt.contains($0) }.sorted()
    if !calm.isEmpty {
      causes.append(
        RuledOutCause(
          cause: "other services",
          why: "\(calm.joined(separator: ", ")): no change in latency, 5xx or error lines"))
    }
    return causes
  }

  private func deploys() -> RuledOutCause {
    let changes = Trigger.changes(in: context.extraction)
    guard !changes.isEmpty else {
      return RuledOutCause(cause: "deploy", why: "no deploy or change events among the inputs")
    }
    let listed = changes.prefix(3).map { "\($0.component) at \(UTC.clock($0.milliseconds))" }
    return RuledOutCause(
      cause: "deploy",
      why: "changes in the inputs (\(listed.joined(separator: ", "))) are not on the origin or not within "
        + "\(Trigger.toleranceMilliseconds / 60_000) min before its onset")
  }
}
