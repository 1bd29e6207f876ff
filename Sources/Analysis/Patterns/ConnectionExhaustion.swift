import Signals

/// Connection exhaustion: a database's connections reach their limit (or the server refuses connections),
/// and every client then fails.
///
/// Requires: a plateau at `max_connections`, or refused connections (the server's counters or its clients'
/// 1040 lines). Tells three mechanisms apart by who grew: one client's leak (one DB user holds most of the
/// growth, its connections idle and ageing: the origin is that client), a surge (traffic rose first and many
/// clients grew together: contradicted here, the surge pattern explains it), a limit set too low (no one
/// grew: the origin is the database's configuration).
struct ConnectionExhaustion: IncidentPattern {
  let kind = IncidentKind.connectionExhaustion
  let requires = "a database at max_connections or refusing connections"

  /// A client holding at least this share of the growth drives it.
  static let dominantShare = 0.5

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    let plateaus = context.findings(.dbConnections, subject: .some(nil), changes: [.plateau])
    let allRefusals = context.findings(.dbConnectionErrors, changes: [.rise, .new])
    // The server's own counters and limit time the saturation; clients' 1040 lines stand in without them.
    let clientRefusals = allRefusals.filter { context.signal($0).key.source == SignalKey.clientLogSource }
    let refusals = allRefusals.filter { context.signal($0).key.source != SignalKey.clientLogSource }
    let earliest = { (findings: [Finding]) in findings.min { $0.milliseconds < $1.milliseconds } }
    guard let saturation = earliest(plateaus + refusals) ?? earliest(clientRefusals) else { return [] }
    let resource = context.signal(saturation).key.component
    var weights: [EvidenceWeight] = []
    if saturation.change == .plateau {
      weights.append(
        .supports(
          "\(resource) connections reached max_connections (\(Numbers.text(saturation.after))) and stayed there",
          EvidenceWeight.decisive))
    } else {
      weights.append(.supports("\(resource) refused new connections", EvidenceWeight.strong))
    }

    // The user whose connections grew most before the saturation drives it.
    let userRises = context.findings(.dbConnections, component: resource, changes: [.rise]).filter {
      context.signal($0).key.subject != nil
        && $0.milliseconds <= saturation.milliseconds + saturation.uncertaintyMilliseconds
    }
    let growth = userRises.reduce(0) { $0 + max(0, $1.after - $1.before) }
    let driver = userRises.max {
      ($0.after - $0.before, $1.milliseconds) < ($1.after - $1.before, $0.milliseconds)
    }
    let share = driver.map { growth > 0 ? ($0.after - $0.before) / growth : 0 } ?? 0
    let user = driver.flatMap { context.fact($0)?.client }
    let dominant = share >= Self.dominantShare ? user : nil
    let origin = dominant.map { context.dependencies.service(forUser: $0) ?? $0 }
    // A ramp can be cut into several rises: the driver's climb began at its first.
    let start =
      driver.flatMap { driver in
        userRises.first { context.signal($0).key.subject == context.signal(driver).key.subject }
      } ?? saturation
    if let user, let driver {
      let line =
        "DB user \(user) holds \(Numbers.percent(share)) of the growth in \(resource) connections"
        + " (\(Numbers.text(driver.before)) → \(Numbers.text(driver.after)))"
      weights.append(
        share >= Self.dominantShare
          ? .supports(line, EvidenceWeight.strong * share)
          : .contradicts(line + ": no single client", EvidenceWeight.weak))
    }
    if let onset = context.incidentOnset, start.milliseconds <= onset.milliseconds {
      weights.append(
        .supports(
          "the growth began at \(UTC.clock(start.milliseconds)), before the first symptom at "
            + UTC.clock(onset.milliseconds), EvidenceWeight.moderate))
    }
    let idleRise = user.flatMap {
      context.findings(.dbIdleAge, component: resource, subject: .some($0), changes: [.rise]).first
    }
    if let idleRise, let user {
      weights.append(
        .supports(
          "\(user)'s oldest idle connection ages from \(Numbers.text(idleRise.before)) s to "
            + "\(Numbers.text(idleRise.after)) s: connections taken and never returned",
          EvidenceWeight.moderate))
    }
    if dominant == nil, let surge = Traffic(context: context).surge,
      surge.milliseconds <= saturation.milliseconds
    {
      weights.append(
        .contradicts(
          "traffic rose \(Numbers.percent(surge.after / max(surge.before, 1e-9) - 1)) at "
            + "\(UTC.clock(surge.milliseconds)) before the saturation: load, not a leak",
          EvidenceWeight.strong))
    }

    var chain: [CausalLink] = []
    var charted: [Int] = []
    if let driver, let user {
      let signal = context.signal(driver)
      var evidence = [EvidenceFactory.change(driver, of: signal)]
      // A ramp can be cut into several rises: the evidence quotes it from the first to the last.
      let sleepingRises = context.findings(
        .dbSleeping, component: resource, subject: .some(user), changes: [.rise])
      if var whole = sleepingRises.first {
        whole.after = sleepingRises[sleepingRises.count - 1].after
        evidence.append(EvidenceFactory.change(whole, of: context.signal(whole)))
      }
      if let idleRise { evidence.append(EvidenceFactory.change(idleRise, of: context.signal(idleRise))) }
      if let processlist = context.extraction.processlist {
        evidence += EvidenceFactory.offenders(processlist, user: user)
      }
      let sleeping = idleRise != nil ? "idle (Sleep) " : ""
      chain.append(
        CausalLink(
          component: origin ?? resource, role: "cause",
          symptom: "\(sleeping)connections of DB user \(user) pile up in \(resource)"
            + (origin.map { $0 == user ? "" : " (\($0)'s connection pool)" } ?? ""),
          signal: signal.name, signalKind: signal.key.kind, onset: UTC.format(driver.milliseconds),
          before: Numbers.rounded(driver.before), after: Numbers.rounded(driver.after), unit: signal.unit,
          evidence: evidence))
      charted.append(driver.signal)
    }
    chain.append(
      resourceLink(
        saturation, resource: resource, refusals: refusals, clientRefusals: clientRefusals, in: context
      )
      .with(causedBy: chain.isEmpty ? [] : [chain.count - 1]))
    charted.append(saturation.signal)
    let resourceIndex = chain.count - 1

    // Services hurt once the resource is saturated: the origin's own symptoms, then the other clients'.
    let symptoms = SymptomLinks(context: context)
    let threshold = saturation.milliseconds - saturation.uncertaintyMilliseconds
    // Victims are the database's clients and their callers, never services that merely suffered later.
    let hurt = context.firstSymptomByService.filter { service, first in
      service == origin
        || (first.milliseconds >= threshold
          && (context.topology.dependsOn(service, resource)
            || origin.map { context.topology.dependsOn(service, $0) } == true))
    }
    let ordered = hurt.keys.sorted { service, other in
      (service == origin ? 0 : 1, hurt[service]!.milliseconds, hurt[service]!.signal)
        < (other == origin ? 0 : 1, hurt[other]!.milliseconds, hurt[other]!.signal)
    }
    for service in ordered {
      let client = context.topology.callees(of: service).contains(resource)
      let role = service == origin ? "symptom" : client ? "collateral" : "downstream"
      let (links, signals) = symptoms.links(for: service, role: role, from: threshold)
      chain += links.map { $0.with(causedBy: [resourceIndex]) }
      charted += signals
    }

    let mechanism: String
    if let origin, let user {
      mechanism =
        "\(origin) holds \(Numbers.percent(share)) of the growth in \(resource) connections"
        + (origin == user ? "" : " (DB user \(user))")
    } else {
      mechanism = "\(resource) connections were exhausted with no single client driving the growth"
    }
    var hypothesis = Hypothesis(
      kind: kind, component: origin ?? resource, resource: resource, client: dominant, trigger: nil,
      onsetMilliseconds: start.milliseconds, uncertaintyMilliseconds: start.uncertaintyMilliseconds,
      weights: weights,
      summary: "Connection exhaustion: \(mechanism); at \(UTC.clock(saturation.milliseconds)) \(resource) "
        + (saturation.change == .plateau ? "reached max_connections" : "began refusing connections")
        + " and its clients started failing.",
      chain: chain, chartedSignals: charted)
    hypothesis.mitigations = mitigations(origin: origin ?? resource, resource: resource, user: user, context)
    hypothesis.followUps = followUps(origin: origin ?? resource, resource: resource)
    return [hypothesis]
  }

  func ruledOut(in context: IncidentContext) -> RuledOutCause? {
    DatabaseVerdict(context: context).flat()
  }

  private func resourceLink(
    _ saturation: Finding, resource: String, refusals: [Finding], clientRefusals: [Finding],
    in context: IncidentContext
  ) -> CausalLink {
    let saturationSignal = context.signal(saturation)
    var evidence = [EvidenceFactory.change(saturation, of: saturationSignal)]
    for refusal in refusals.prefix(2) where refusal != saturation {
      evidence.append(EvidenceFactory.change(refusal, of: context.signal(refusal)))
    }
    if let headroom = context.signals(.dbHeadroom, component: resource).first,
      let lowest = EvidenceFactory.lowest(headroom)
    {
      evidence.append(lowest)
    }
    for refusal in clientRefusals.prefix(2) {
      let signal = context.signal(refusal)
      if refusal != saturation { evidence.append(EvidenceFactory.change(refusal, of: signal)) }
      evidence += EvidenceFactory.lines(of: signal, from: refusal.milliseconds, limit: 1)
    }
    evidence += EvidenceFactory.longRunning(context.extraction.longRunningQueries)
    return CausalLink(
      component: resource, role: "resource",
      symptom: saturation.change == .plateau
        ? "\(resource) connections reach max_connections (\(Numbers.text(saturation.after))) and stay there"
        : "\(resource) refuses new connections",
      signal: saturationSignal.name, signalKind: saturationSignal.key.kind,
      onset: UTC.format(saturation.milliseconds), before: Numbers.rounded(saturation.before),
      after: Numbers.rounded(saturation.after), unit: saturationSignal.unit, evidence: evidence)
  }

  private func mitigations(origin: String, resource: String, user: String?, _ context: IncidentContext)
    -> [Mitigation]
  {
    let users = context.extraction.processlist?.users ?? []
    let entry = users.first { $0.user == user } ?? users.first
    var killing: [Mitigation] = []
    if let entry {
      let ids = entry.idlestIds
      killing.append(
        Mitigation(
          text:
            "End the longest-idle sessions of DB user \(entry.user) on \(resource) to give other clients room "
            + "(self-managed MySQL with `KILL`, Amazon RDS with `mysql.rds_kill`).",
          commands: ids.map { "KILL \($0);" } + ids.map { "CALL mysql.rds_kill(\($0));" }))
      killing.append(
        Mitigation(
          text:
            "Or let pt-kill end every idle session of \(entry.user) older than 10 minutes (print first, then add --kill).",
          commands: ["pt-kill --match-user \(entry.user) --match-command Sleep --idle-time 600 --print"]))
    }
    return killing + [
      Mitigation(
        text:
          "Restart or scale down \(origin) so its pool closes its connections, if killing is not possible.",
        commands: [])
    ]
  }

  private func followUps(origin: String, resource: String) -> [String] {
    [
      "Bound \(origin)'s connection pool: maximum size, idle timeout and max lifetime below \(resource)'s wait_timeout.",
      "Alert on \(resource) connections above 80% of max_connections, per DB user.",
      "Give each service its own DB user and per-user connection limit (MAX_USER_CONNECTIONS) so one client cannot starve the others.",
      "Add a load test that holds the pool at its limit and checks that idle connections are returned.",
    ]
  }
}
