import Signals

/// Database saturation by a client's queries: `Threads_running` rises while one DB user (or statement class)
/// takes most of the database's statement time — a report job, an admin session, a service's new query.
///
/// Requires: a rise of a database's statement time for a user or fingerprint (slow log, processlist
/// seconds). Supported by `Threads_running` rising and by the user's dominant share; contradicted when
/// traffic rose first (a surge busies every client's queries alike: the surge pattern explains it).
struct DatabaseSaturation: IncidentPattern {
  let kind = IncidentKind.databaseSaturation
  let requires = "a database's statement time rising for one user or statement class"

  /// A user holding at least this share of the statement-time growth drives it.
  static let dominantShare = 0.5

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    let rises = context.evidence.facts.filter { $0.kind == .dbQueryTime && $0.finding.change == .rise }
    let byUser = rises.filter {
      $0.client != nil && !(context.evidence.signal($0).key.subject ?? "").hasPrefix("q")
    }
    guard
      let driver = (byUser.isEmpty ? rises : byUser).max(by: {
        ($0.finding.after - $0.finding.before, $1.milliseconds) < (
          $1.finding.after - $1.finding.before, $0.milliseconds
        )
      })
    else { return [] }
    let growth = byUser.reduce(0) { $0 + max(0, $1.finding.after - $1.finding.before) }
    let share = growth > 0 ? (driver.finding.after - driver.finding.before) / growth : 1
    let user = driver.client
    let database = driver.component
    let origin = user.map { context.dependencies.service(forUser: $0) ?? $0 } ?? database
    var weights: [EvidenceWeight] = []
    let line =
      "DB user \(user ?? "?") holds \(Numbers.percent(share)) of the growth in \(database)'s statement time"
      + " (\(Numbers.text(driver.finding.before)) → \(Numbers.text(driver.finding.after)) s/s)"
    weights.append(
      share >= Self.dominantShare
        ? .supports(line, EvidenceWeight.strong * share) : .contradicts(line, EvidenceWeight.weak))
    let running = context.evidence.facts.first {
      $0.kind == .dbThreadsRunning && $0.isAdverse && $0.component == database
    }
    if let running {
      weights.append(
        .supports(
          "\(context.evidence.signal(running).name) \(Numbers.text(running.finding.before)) → "
            + "\(Numbers.text(running.finding.after))", EvidenceWeight.strong))
    }
    if let onset = context.incidentOnset, driver.milliseconds <= onset.milliseconds {
      weights.append(
        .supports(
          "the statement time rose at \(UTC.clock(driver.milliseconds)), before the first symptom",
          EvidenceWeight.moderate))
    }
    if let surge = Traffic(context: context).surge, surge.milliseconds <= driver.milliseconds {
      weights.append(
        .contradicts(
          "traffic rose \(Numbers.percent(surge.after / max(surge.before, 1e-9) - 1)) at \(UTC.clock(surge.milliseconds)) "
            + "before the database got busy: load, not one client's queries", EvidenceWeight.strong))
    }
    let top = context.extraction.queryClasses.first { user == nil || $0.users.first?.user == user }
    let signal = context.evidence.signal(driver)
    var chain = [
      CausalLink(
        component: origin, role: "cause",
        symptom:
          "DB user \(user ?? "?")'s statements take \(Numbers.text(driver.finding.after)) s of \(database) time per second"
          + (top.map { ": \($0.fingerprint.prefix(100)) (\($0.count)×, \(Numbers.text($0.totalSeconds)) s)" }
            ?? ""),
        signal: signal.name, signalKind: driver.kind, onset: UTC.format(driver.milliseconds),
        before: Numbers.rounded(driver.finding.before), after: Numbers.rounded(driver.finding.after),
        unit: signal.unit,
        evidence: [context.evidence.citation(driver)]
          + (top.map { [Evidence(file: $0.path, line: $0.line, text: $0.example)] } ?? []))
    ]
    var charted = [driver.signal]
    if let running {
      let runningSignal = context.evidence.signal(running)
      chain.append(
        CausalLink(
          component: database, role: "resource", symptom: "\(database) runs more threads at once",
          signal: runningSignal.name, signalKind: running.kind, onset: UTC.format(running.milliseconds),
          before: Numbers.rounded(running.finding.before), after: Numbers.rounded(running.finding.after),
          unit: runningSignal.unit, evidence: [context.evidence.citation(running)]
        ).with(causedBy: [0]))
      charted.append(running.signal)
    }
    let resourceIndex = chain.count - 1
    let symptoms = SymptomLinks(context: context)
    for (service, first) in context.firstSymptomByService.sorted(by: {
      $0.value.milliseconds < $1.value.milliseconds
    })
    where first.milliseconds >= driver.milliseconds - driver.uncertaintyMilliseconds
      && context.topology.dependsOn(service, database)
    {
      let (links, signals) = symptoms.links(
        for: service, role: service == origin ? "symptom" : "collateral", from: driver.milliseconds)
      chain += links.map { $0.with(causedBy: [resourceIndex]) }
      charted += signals
    }
    var hypothesis = Hypothesis(
      kind: kind, component: origin, resource: database, client: user, trigger: nil,
      onsetMilliseconds: driver.milliseconds, uncertaintyMilliseconds: driver.uncertaintyMilliseconds,
      weights: weights,
      summary: "Database saturation: \(user.map { "DB user \($0)" } ?? "one client")'s queries took most of "
        + "\(database)'s time from \(UTC.clock(driver.milliseconds))"
        + (running == nil ? "." : " and Threads_running rose."),
      chain: chain, chartedSignals: charted)
    hypothesis.mitigations = [
      Mitigation(
        text:
          "Stop or throttle \(user ?? "the client")'s heaviest statements (pt-kill can match the user and the statement).",
        commands: user.map { ["pt-kill --match-user \($0) --busy-time 30 --print"] } ?? [])
    ]
    hypothesis.followUps = [
      "Index or rewrite the statement class with the most time, or move it to a replica.",
      "Give \(origin) its own per-user limits (MAX_USER_CONNECTIONS, max_statement_time).",
    ]
    return [hypothesis]
  }

  func ruledOut(in context: IncidentContext) -> RuledOutCause? {
    guard let running = context.signals(.dbThreadsRunning).first else { return nil }
    let values = running.values.filter { !$0.isNaN }
    return RuledOutCause(
      cause: "database saturation",
      why: "\(running.name) \(Numbers.text(values.first ?? 0)) → \(Numbers.text(values.last ?? 0)), "
        + "no user's statement time rose")
  }
}
