import Signals

/// Lock contention: one transaction holds row locks (often opened and left idle), and every client that
/// needs those rows waits, times out (1205) or deadlocks (1213).
///
/// Requires: clients' lock-wait timeouts or deadlocks, or the database's row lock waits rising. Supported by
/// a long open transaction whose age climbed before the waits (the blocker: thread, user, rows locked, from
/// InnoDB status), and by lock-wait rows naming it as the blocking thread. The origin is the blocker's
/// client; the database is the resource; the services that waited are collateral.
struct LockContention: IncidentPattern {
  let kind = IncidentKind.lockContention
  let requires =
    "lock wait timeouts (1205) or deadlocks (1213) in clients, or the database's row lock waits rising"

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    let timeouts = context.evidence.facts.filter {
      $0.isAdverse && [.dbLockWaitTimeouts, .dbDeadlocks].contains($0.kind)
    }
    let waits = context.evidence.facts.filter { $0.isAdverse && $0.kind == .dbRowLockWaits }
    guard let first = (timeouts + waits).min(by: { $0.milliseconds < $1.milliseconds }) else { return [] }
    let resource = first.resource ?? first.component
    var weights: [EvidenceWeight] = []
    let waiters = Set(timeouts.map(\.component)).subtracting([resource]).sorted()
    if !timeouts.isEmpty {
      weights.append(
        .supports(
          "\(waiters.isEmpty ? resource : waiters.joined(separator: ", ")) logged lock wait timeouts or deadlocks "
            + "from \(UTC.clock(timeouts.map(\.milliseconds).min()!))", EvidenceWeight.strong))
    }
    if let wait = waits.first {
      weights.append(
        .supports(
          "\(context.evidence.signal(wait).name) \(Numbers.text(wait.finding.before)) → "
            + "\(Numbers.text(wait.finding.after))", EvidenceWeight.moderate))
    }
    // The blocker: the transaction open longest, as InnoDB status showed it; its age rising before the waits.
    let blocker = context.extraction.innodb.longTransactions.first
    let blockingThreads = Set(context.extraction.innodb.lockWaits.compactMap(\.wait.blockingThread))
    let user = blocker?.transaction.user
    let ageRise = user.flatMap { user in
      context.evidence.facts.first { $0.kind == .dbTransactionAge && $0.client == user && $0.isAdverse }
    }
    if let blocker {
      let transaction = blocker.transaction
      weights.append(
        .supports(
          "transaction \(transaction.id) of \(user ?? "an unknown user") (thread "
            + "\(transaction.threadID.map(String.init) ?? "?")) open \(transaction.activeSeconds) s with "
            + "\(transaction.rowLocks) rows locked", EvidenceWeight.strong))
      if let thread = transaction.threadID, blockingThreads.contains(thread) {
        weights.append(
          .supports("the lock-wait rows name thread \(thread) as the blocker", EvidenceWeight.decisive))
      }
    }
    if let ageRise, ageRise.milliseconds <= first.milliseconds + first.uncertaintyMilliseconds {
      weights.append(
        .supports(
          "\(user!)'s oldest transaction aged from \(UTC.clock(ageRise.milliseconds)), before the first wait",
          EvidenceWeight.moderate))
    }
    if blocker == nil {
      weights.append(
        .contradicts("no open transaction was seen holding locks (no InnoDB status)", EvidenceWeight.moderate)
      )
    }
    let origin = user.map { context.dependencies.service(forUser: $0) ?? $0 } ?? resource
    let onset = ageRise ?? first

    var chain: [CausalLink] = []
    var charted: [Int] = []
    if let blocker {
      let transaction = blocker.transaction
      chain.append(
        CausalLink(
          component: origin, role: "cause",
          symptom:
            "transaction \(transaction.id) of DB user \(user ?? "?") holds \(transaction.rowLocks) row locks "
            + "in \(resource) for \(transaction.activeSeconds) s",
          signal: ageRise.map { context.evidence.signal($0).name } ?? "innodb status",
          signalKind: .dbTransactionAge, onset: UTC.format(onset.milliseconds),
          before: ageRise.map { Numbers.rounded($0.finding.before) } ?? 0,
          after: Double(transaction.activeSeconds), unit: "s",
          evidence: [
            Evidence(
              file: blocker.path, line: transaction.line,
              text: "---TRANSACTION \(transaction.id), ACTIVE \(transaction.activeSeconds) sec, thread "
                + "\(transaction.threadID.map(String.init) ?? "?") \(transaction.host ?? "") \(user ?? "")")
          ]))
      if let ageRise { charted.append(ageRise.signal) }
    }
    let resourceFact = waits.first ?? first
    chain.append(
      CausalLink(
        component: resource, role: "resource", symptom: "clients wait for \(resource)'s row locks",
        signal: context.evidence.signal(resourceFact).name, signalKind: resourceFact.kind,
        onset: UTC.format(resourceFact.milliseconds), before: Numbers.rounded(resourceFact.finding.before),
        after: Numbers.rounded(resourceFact.finding.after), unit: context.evidence.signal(resourceFact).unit,
        evidence: [context.evidence.citation(resourceFact)]
      ).with(causedBy: chain.isEmpty ? [] : [0]))
    charted.append(resourceFact.signal)
    let resourceIndex = chain.count - 1
    for timeout in timeouts where timeout.component != resource {
      let signal = context.evidence.signal(timeout)
      chain.append(
        CausalLink(
          component: timeout.component, role: "collateral",
          symptom: "\(timeout.component) gives up waiting for locks: \(signal.name)", signal: signal.name,
          signalKind: timeout.kind, onset: UTC.format(timeout.milliseconds),
          before: Numbers.rounded(timeout.finding.before), after: Numbers.rounded(timeout.finding.after),
          unit: signal.unit, evidence: [context.evidence.citation(timeout)]
        ).with(causedBy: [resourceIndex]))
    }
    var hypothesis = Hypothesis(
      kind: kind, component: origin, resource: resource, client: user, trigger: nil,
      onsetMilliseconds: onset.milliseconds, uncertaintyMilliseconds: onset.uncertaintyMilliseconds,
      weights: weights,
      summary: "Lock contention: "
        + (user.map { "a transaction of \($0) held row locks in \(resource)" }
          ?? "row locks in \(resource) were held")
        + " and \(waiters.isEmpty ? "its clients" : waiters.joined(separator: ", ")) timed out waiting for them.",
      chain: chain, chartedSignals: charted)
    if let thread = blocker?.transaction.threadID {
      hypothesis.mitigations = [
        Mitigation(
          text:
            "End the blocking session (thread \(thread)) so its transaction rolls back and frees its locks.",
          commands: ["KILL \(thread);", "CALL mysql.rds_kill(\(thread));"])
      ]
    }
    hypothesis.followUps = [
      "Find why \(origin) left a transaction open (a missing commit, a call made inside a transaction).",
      "Alert on the oldest open transaction (information_schema.innodb_trx) and on row lock waits.",
    ]
    return [hypothesis]
  }

  /// Ruled out with the row lock waits' levels and the absence of 1205/1213 in every client log.
  func ruledOut(in context: IncidentContext) -> RuledOutCause? {
    let timeouts = context.extraction.signals.filter {
      [.dbLockWaitTimeouts, .dbDeadlocks].contains($0.key.kind)
    }
    let logged = timeouts.contains { $0.values.contains { !$0.isNaN && $0 > 0 } }
    guard !logged else { return nil }
    let waits = context.signals(.dbRowLockWaits).first
    let levels =
      waits.map { signal -> String in
        let values = signal.values.filter { !$0.isNaN }
        return "\(signal.name) \(Numbers.text(values.first ?? 0)) → \(Numbers.text(values.last ?? 0)), "
      } ?? ""
    return RuledOutCause(cause: "lock contention", why: levels + "no 1205 or 1213 in any client log")
  }
}
