import Signals

/// A dependency failing or slowing behind one service: its calls to one host or service time out or fail,
/// and its own symptoms follow, while its database and pools stay flat.
///
/// Requires: an adverse change (a rise, or the first failures) of a service's `outbound-errors` naming the
/// target. Supported by the caller's symptoms following; contradicted when those symptoms came first, or
/// when its database or pools changed adversely too (a database fault makes every call slow). Per DESIGN:
/// `component` the calling service, `resource` the dependency.
struct DependencyFailure: IncidentPattern {
  let kind = IncidentKind.dependencyFailure
  let requires = "a service's calls to one host or service timing out or failing, named in its log"

  /// Signals of a database or pool that would explain failing calls as well: flat, they are ruled out.
  static let databaseAndPools: Set<SignalKind> = [
    .dbConnections, .dbThreadsRunning, .dbQueryTime, .dbRowLockWaits, .dbConnectionErrors, .dbUnreachable,
    .poolActive, .poolPending, .poolTimeouts,
  ]

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    var byCall: [String: [Fact]] = [:]
    var order: [String] = []
    // A call's failures, or its latency as the caller's client-side metrics measure it.
    let calls = context.evidence.facts(adverse: true).filter { fact in
      fact.kind == .outboundErrors
        || (SignalSemantics.latencies.contains(fact.kind) && fact.resource != nil
          && !context.topology.conduits.contains(fact.component) && context.services.contains(fact.component))
    }
    for fact in calls {
      guard let host = fact.resource else { continue }
      let key = "\(fact.component) → \(host)"
      if byCall[key] == nil { order.append(key) }
      byCall[key, default: []].append(fact)
    }
    return order.map { hypothesis(for: byCall[$0]!, in: context) }
  }

  private func hypothesis(for facts: [Fact], in context: IncidentContext) -> Hypothesis {
    let first = facts[0]
    let service = first.component
    let host = first.resource!
    let signal = context.evidence.signal(first)
    let verb = first.kind == .outboundErrors ? "fail" : "slow down"
    var weights: [EvidenceWeight] = [
      .supports(
        "\(service)'s calls to \(host) \(verb) from \(UTC.clock(first.milliseconds)): "
          + "\(Numbers.text(first.finding.before)) → \(Numbers.text(first.finding.after)) \(signal.unit)",
        first.finding.change == .new
          ? EvidenceWeight.strong : min(EvidenceWeight.strong, EvidenceWeight.size(first.magnitude)))
    ]
    if first.kind != .outboundErrors, let failing = facts.first(where: { $0.kind == .outboundErrors }) {
      weights.append(
        .supports("then fail from \(UTC.clock(failing.milliseconds))", EvidenceWeight.moderate))
    }
    // The calls' own latency is the dependency's evidence, not a symptom of the caller's own.
    let own = context.symptoms.filter {
      context.signal($0).key.component == service && context.signal($0).resource == nil
    }
    if let symptom = own.first {
      if IncidentContext.precedes(symptom, first.finding) {
        weights.append(
          .contradicts(
            "\(service)'s symptoms began at \(UTC.clock(symptom.milliseconds)), before its calls to \(host) failed",
            EvidenceWeight.strong))
      } else {
        weights.append(
          .supports(
            "\(context.signal(symptom).name) followed at \(UTC.clock(symptom.milliseconds))",
            EvidenceWeight.strong))
      }
    }
    let database = context.evidence.facts(Self.databaseAndPools, adverse: true).filter {
      $0.component == service || $0.client == service
    }
    if let changed = database.first {
      weights.append(
        .contradicts(
          "\(context.evidence.signal(changed).name) changed too at \(UTC.clock(changed.milliseconds))",
          EvidenceWeight.moderate))
    } else if !context.signals(.dbConnections).isEmpty
      || !context.signals(.poolActive, component: service).isEmpty
    {
      weights.append(.supports("\(service)'s database and pools stayed flat", EvidenceWeight.weak))
    }
    var chain = [
      CausalLink(
        component: service, role: "cause", symptom: "calls to \(host) fail or time out", signal: signal.name,
        signalKind: .outboundErrors, onset: UTC.format(first.milliseconds),
        before: Numbers.rounded(first.finding.before), after: Numbers.rounded(first.finding.after),
        unit: signal.unit,
        evidence: [context.evidence.citation(first)]
          + EvidenceFactory.lines(of: signal, from: first.milliseconds))
    ]
    let (links, charted) = SymptomLinks(context: context).links(
      for: service, role: "symptom", from: first.milliseconds)
    chain += links.map { $0.with(causedBy: [0]) }
    var hypothesis = Hypothesis(
      kind: kind, component: service, resource: host, client: nil, trigger: nil,
      onsetMilliseconds: first.milliseconds, uncertaintyMilliseconds: first.uncertaintyMilliseconds,
      weights: weights,
      summary:
        "Dependency failure: \(service)'s calls to \(host) began failing at \(UTC.clock(first.milliseconds))"
        + (own.isEmpty ? "." : ", and \(service) suffered after."),
      chain: chain, chartedSignals: [first.signal] + charted)
    hypothesis.mitigations = [
      Mitigation(
        text:
          "Check \(host)'s health and the network path to it; shorten \(service)'s timeouts to it and open a "
          + "circuit breaker so its callers fail fast.", commands: [])
    ]
    hypothesis.followUps = [
      "Add timeouts, retries with budgets and a circuit breaker around \(service)'s calls to \(host)."
    ]
    return hypothesis
  }
}
