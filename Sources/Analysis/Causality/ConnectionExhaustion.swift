import Signals

/// The connection-exhaustion pattern: a database's connections reach their limit (or the server starts
/// refusing connections), driven by one client's connections growing, and every client then fails.
///
/// Confidence adds up what was observed: saturation at a known limit (0.2) or refused connections (0.1), the
/// driving user's share of the growth (up to 0.15), the growth preceding the first symptom (0.15), that user's
/// idle connections ageing, the idle-leak signature (0.1), on a base of 0.35 for a saturated resource.
struct ConnectionExhaustion {
  let context: IncidentContext

  func hypothesis() -> Hypothesis? {
    let plateaus = context.findings(.dbConnections, subject: .some(nil), changes: [.plateau])
    let allRefusals = context.findings(.dbConnectionErrors, changes: [.rise, .new])
    // The server's own counters and limit time the saturation; clients' 1040 lines stand in without them.
    let clientRefusals = allRefusals.filter { context.signal($0).key.source == SignalKey.clientLogSource }
    let refusals = allRefusals.filter { context.signal($0).key.source != SignalKey.clientLogSource }
    let earliest = { (findings: [Finding]) in findings.min { $0.milliseconds < $1.milliseconds } }
    guard let saturation = earliest(plateaus + refusals) ?? earliest(clientRefusals) else { return nil }
    let resource = context.signal(saturation).key.component
    let onset = context.incidentOnset

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
    let user = driver.flatMap { context.signal($0).key.subject }
    let origin = share >= 0.5 ? user.flatMap { context.dependencies.service(forUser: $0) } : nil
    let start = driver ?? saturation

    var confidence = 0.35
    if !plateaus.isEmpty { confidence += 0.2 } else { confidence += 0.1 }
    confidence += 0.15 * share
    if let onset, start.milliseconds <= onset.milliseconds { confidence += 0.15 }
    let idleRise = user.flatMap {
      context.findings(.dbIdleAge, component: resource, subject: .some($0), changes: [.rise]).first
    }
    if idleRise != nil { confidence += 0.1 }
    // A ramp can be cut into several rises: the evidence quotes it from the first to the last.
    let sleepingRises =
      user.map { context.findings(.dbSleeping, component: resource, subject: .some($0), changes: [.rise]) }
      ?? []
    let sleepingRise = sleepingRises.first.map { first in
      var whole = first
      whole.after = sleepingRises[sleepingRises.count - 1].after
      return whole
    }

    var chain: [CausalLink] = []
    var charted: [Int] = []
    if let driver, let user {
      let signal = context.signal(driver)
      var evidence = [EvidenceFactory.change(driver, of: signal)]
      for finding in [sleepingRise, idleRise].compactMap({ $0 }) {
        evidence.append(EvidenceFactory.change(finding, of: context.signal(finding)))
      }
      if let processlist = context.extraction.processlist {
        evidence += EvidenceFactory.offenders(processlist, user: user)
      }
      let sleeping = idleRise != nil ? "idle (Sleep) " : ""
      chain.append(
        CausalLink(
          component: origin ?? resource, role: "cause",
          symptom: "\(sleeping)connections of DB user \(user) pile up in \(resource)"
            + (origin.map { " (\($0)'s connection pool)" } ?? ""),
          signal: signal.name, signalKind: signal.key.kind, onset: UTC.format(driver.milliseconds),
          before: Numbers.rounded(driver.before), after: Numbers.rounded(driver.after), unit: signal.unit,
          evidence: evidence))
      charted.append(driver.signal)
    }
    let saturationSignal = context.signal(saturation)
    var saturationEvidence = [EvidenceFactory.change(saturation, of: saturationSignal)]
    for refusal in refusals.prefix(2) where refusal != saturation {
      saturationEvidence.append(EvidenceFactory.change(refusal, of: context.signal(refusal)))
    }
    if let headroom = context.signals(.dbHeadroom, component: resource).first,
      let lowest = EvidenceFactory.lowest(headroom)
    {
      saturationEvidence.append(lowest)
    }
    for refusal in clientRefusals.prefix(2) {
      let signal = context.signal(refusal)
      if refusal != saturation { saturationEvidence.append(EvidenceFactory.change(refusal, of: signal)) }
      saturationEvidence += EvidenceFactory.lines(of: signal, from: refusal.milliseconds, limit: 1)
    }
    saturationEvidence += EvidenceFactory.longRunning(context.extraction.longRunningQueries)
    chain.append(
      CausalLink(
        component: resource, role: "resource",
        symptom: saturation.change == .plateau
          ? "\(resource) connections reach max_connections (\(Numbers.text(saturation.after))) and stay there"
          : "\(resource) refuses new connections",
        signal: saturationSignal.name, signalKind: saturationSignal.key.kind,
        onset: UTC.format(saturation.milliseconds), before: Numbers.rounded(saturation.before),
        after: Numbers.rounded(saturation.after), unit: saturationSignal.unit, evidence: saturationEvidence))
    charted.append(saturation.signal)

    // Services hurt once the resource is saturated: the origin's own symptoms, then the other clients'.
    let symptoms = SymptomLinks(context: context)
    let threshold = saturation.milliseconds - saturation.uncertaintyMilliseconds
    let hurt = context.firstSymptomByService.filter { $0.value.milliseconds >= threshold || $0.key == origin }
      .keys
    let ordered = hurt.sorted { service, other in
      (service == origin ? 0 : 1, context.firstSymptomByService[service]!.milliseconds, service)
        < (other == origin ? 0 : 1, context.firstSymptomByService[other]!.milliseconds, other)
    }
    for service in ordered {
      let role =
        service == origin
        ? "symptom" : context.dependencies.clients.contains(service) ? "collateral" : "downstream"
      let (links, signals) = symptoms.links(for: service, role: role, from: threshold)
      chain += links
      charted += signals
    }

    let kindText =
      origin.map { "\($0) holds \(Numbers.percent(share)) of the growth in \(resource) connections" }
      ?? "\(resource) connections were exhausted"
    return Hypothesis(
      component: origin ?? resource, kind: .connectionExhaustion, resource: resource,
      onsetMilliseconds: start.milliseconds, confidence: min(0.95, confidence),
      summary: "Connection exhaustion: \(kindText); at \(UTC.clock(saturation.milliseconds)) \(resource) "
        + (saturation.change == .plateau ? "reached max_connections" : "began refusing connections")
        + " and its clients started failing.",
      chain: chain, chartedSignals: charted)
  }
}
