import Signals

/// The database itself went away: it restarted (an `Uptime` reset, its own shutdown and start-up lines),
/// `mysql_up` fell to 0, and its clients could not connect or lost their connections (2002/2003/2006/2013).
///
/// Requires: a restart or down event of a database, or clients unable to reach one. The origin is the
/// database; its clients' failures are collateral. Clients failing while the database shows no restart and
/// stays up point elsewhere (a network fault): that contradicts it.
struct DatabaseUnavailable: IncidentPattern {
  let kind = IncidentKind.databaseUnavailable
  let requires =
    "a database restart (Uptime reset, start-up lines), mysql_up at 0, or clients unable to reach it"

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    let databases = context.topology.databases.union(["mysql"])
    // A restart is an event, read from its signal's buckets (one bucket is no change point); of several (the
    // server's first start before the incident, a shutdown and the start after it), the one nearest the first
    // symptom.
    let symptom = context.incidentOnset?.milliseconds
    let restarts = context.extraction.signals.enumerated().flatMap { index, signal -> [Restart] in
      guard signal.key.kind == .changes, signal.key.subject == "restart",
        databases.contains(signal.key.component)
      else { return [] }
      return signal.values.indices.filter { !signal.values[$0].isNaN && signal.values[$0] > 0 }.map {
        Restart(
          signal: index, milliseconds: max(signal.milliseconds(at: $0), signal.firstSeenMilliseconds ?? .min),
          uncertaintyMilliseconds: signal.stepMilliseconds)
      }
    }.sorted {
      let distance = { (restart: Restart) in
        symptom.map { abs(restart.milliseconds - $0) } ?? restart.milliseconds
      }
      return (distance($0), $0.milliseconds, $0.signal) < (distance($1), $1.milliseconds, $1.signal)
    }
    let down = context.evidence.facts.filter { $0.kind == .dbUp && $0.finding.change == .drop }
    let unreachable = context.evidence.facts.filter { $0.kind == .dbUnreachable && $0.isAdverse }
    let firstFact = (down + unreachable).min { $0.milliseconds < $1.milliseconds }
    guard !restarts.isEmpty || firstFact != nil else { return [] }
    let restart = restarts.first
    let onset = min(restart?.milliseconds ?? .max, firstFact?.milliseconds ?? .max)
    let uncertainty =
      restart.map { $0.milliseconds == onset ? $0.uncertaintyMilliseconds : 0 }
      ?? firstFact!.uncertaintyMilliseconds
    let database =
      restart.map { context.extraction.signals[$0.signal].key.component }
      ?? down.first?.component ?? unreachable.first?.resource ?? "mysql"
    var weights: [EvidenceWeight] = []
    if let restart {
      // A start-up minutes away from the symptoms is the server's own life (a first start, a later restart),
      // not what the users felt.
      let near = symptom.map { abs(restart.milliseconds - $0) <= Self.nearSymptom } ?? true
      weights.append(
        .supports(
          "\(database) restarted at \(UTC.clock(restart.milliseconds)) "
            + "(\(context.extraction.signals[restart.signal].name))"
            + (near ? "" : ", more than a minute away from the first symptom"),
          near ? EvidenceWeight.decisive : EvidenceWeight.weak))
    }
    if let down = down.first {
      weights.append(
        .supports(
          "\(context.evidence.signal(down).name) fell to \(Numbers.text(down.finding.after))",
          EvidenceWeight.strong))
    }
    let clients = Set(unreachable.map(\.component)).sorted()
    if !clients.isEmpty {
      weights.append(
        .supports(
          "\(clients.joined(separator: ", ")) could not reach \(database) or lost their connections",
          clients.count > 1 ? EvidenceWeight.strong : EvidenceWeight.moderate))
    }
    if restarts.isEmpty && down.isEmpty {
      weights.append(
        .contradicts(
          "\(database) shows no restart and no down state: the clients' failures may lie between them",
          EvidenceWeight.moderate))
    }
    if unreachable.isEmpty && down.isEmpty {
      weights.append(
        .contradicts("no client lost its connection and mysql_up never fell", EvidenceWeight.moderate))
    }
    let causeSignal =
      restart.map { context.extraction.signals[$0.signal] } ?? context.signal(firstFact!.finding)
    var chain = [
      CausalLink(
        component: database, role: "cause",
        symptom: restarts.isEmpty && down.isEmpty
          ? "\(database) cannot be reached" : "\(database) goes down and restarts",
        signal: causeSignal.name, signalKind: causeSignal.key.kind, onset: UTC.format(onset),
        before: 0, after: 1, unit: causeSignal.unit,
        evidence: down.prefix(2).map { context.evidence.citation($0) }
          + EvidenceFactory.lines(of: causeSignal, from: onset - uncertainty, limit: 2))
    ]
    var charted = [restart?.signal ?? firstFact!.signal]
    for fact in unreachable where fact.component != database {
      chain.append(
        CausalLink(
          component: fact.component, role: "collateral",
          symptom: "\(fact.component) cannot reach \(database): \(context.evidence.signal(fact).name)",
          signal: context.evidence.signal(fact).name, signalKind: fact.kind,
          onset: UTC.format(fact.milliseconds),
          before: Numbers.rounded(fact.finding.before), after: Numbers.rounded(fact.finding.after),
          unit: context.evidence.signal(fact).unit, evidence: [context.evidence.citation(fact)]
        ).with(causedBy: [0]))
      charted.append(fact.signal)
    }
    var hypothesis = Hypothesis(
      kind: kind, component: database, resource: nil, client: nil, trigger: nil,
      onsetMilliseconds: onset, uncertaintyMilliseconds: uncertainty,
      weights: weights,
      summary: "Database unavailable: \(database) "
        + (restart.map { "restarted at \(UTC.clock($0.milliseconds))" } ?? "could not be reached")
        + (clients.isEmpty ? "." : " and \(clients.joined(separator: ", ")) lost their connections."),
      chain: chain, chartedSignals: charted)
    hypothesis.mitigations = [
      Mitigation(
        text:
          "Check why \(database) stopped (its error log around the restart: a crash, an OOM kill, an operator).",
        commands: [])
    ]
    hypothesis.followUps = [
      "Alert on \(database)'s Uptime resetting and on mysql_up.",
      "Make clients retry connections with backoff so a restart does not become an outage.",
    ]
    return [hypothesis]
  }

  /// How far from the first symptom a restart may be and still be its cause.
  static let nearSymptom: Int64 = 60_000

  private struct Restart {
    var signal: Int
    var milliseconds: Int64
    var uncertaintyMilliseconds: Int64
  }

  func ruledOut(in context: IncidentContext) -> RuledOutCause? {
    let uptime = context.signals(.dbUptime).first
    let unreachable = context.signals(.dbUnreachable).contains { $0.values.contains { !$0.isNaN && $0 > 0 } }
    guard !unreachable else { return nil }
    let levels =
      uptime.map { signal -> String in
        let values = signal.values.filter { !$0.isNaN }
        return
          "\(signal.name) \(Numbers.text(values.first ?? 0)) → \(Numbers.text(values.last ?? 0)) s without a reset, "
      } ?? ""
    return RuledOutCause(
      cause: "database restart", why: levels + "no restart lines, no 2002/2003/2006/2013 in any client log")
  }
}
