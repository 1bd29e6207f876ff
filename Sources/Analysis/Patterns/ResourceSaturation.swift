import Signals

/// A service starved of its own resources: CPU at its limit or throttled, memory growing (to an OOM kill),
/// GC pauses, threads or file descriptors running out — and its latency or errors following.
///
/// Requires: a sharp adverse change of one of a service's runtime resources (container, process or runtime
/// metrics), or OOM kills. Supported by the service's own symptoms (or its callers') starting with or after
/// it; contradicted when the symptoms came first (a slow service retrying burns CPU too).
struct ResourceSaturation: IncidentPattern {
  let kind = IncidentKind.resourceSaturation
  let requires = "a service's CPU, memory, GC, threads or file descriptors rising sharply, or OOM kills"

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    var byService: [String: [Fact]] = [:]
    for fact in context.evidence.facts
    where fact.isAdverse && context.services.contains(fact.component)
      && (SignalSemantics.serviceResources.contains(fact.kind) || fact.kind == .oomKills)
    {
      byService[fact.component, default: []].append(fact)
    }
    return byService.keys.sorted().map { hypothesis(for: $0, facts: byService[$0]!, in: context) }
  }

  private func hypothesis(for service: String, facts: [Fact], in context: IncidentContext) -> Hypothesis {
    let strongest = facts.max { ($0.magnitude, $1.signal) < ($1.magnitude, $0.signal) }!
    let first = facts[0]
    let strongestSignal = context.evidence.signal(strongest)
    var weights: [EvidenceWeight] = [
      .supports(
        "\(strongestSignal.name) \(Numbers.text(strongest.finding.before)) → "
          + "\(Numbers.text(strongest.finding.after)) \(strongestSignal.unit) "
          + "(\(Numbers.text(strongest.magnitude)) robust deviations)",
        EvidenceWeight.size(strongest.magnitude))
    ]
    if let oom = facts.first(where: { $0.kind == .oomKills }) {
      weights.append(
        .supports("\(service) was OOM-killed at \(UTC.clock(oom.milliseconds))", EvidenceWeight.decisive))
    }
    let restarts = context.evidence.facts([.restarts, .changes], component: service, adverse: true)
    if facts.contains(where: { $0.kind == .memoryUsage }),
      let restart = restarts.first(where: { $0.milliseconds >= first.milliseconds })
    {
      weights.append(
        .supports(
          "\(service) restarted at \(UTC.clock(restart.milliseconds)) after its memory grew",
          EvidenceWeight.strong))
    }
    let own = context.symptoms.filter { context.signal($0).key.component == service }
    let callers = Set(context.services.filter { context.topology.dependsOn($0, service) })
    let callerSymptoms = context.symptoms.filter { callers.contains(context.signal($0).key.component) }
    if let symptom = own.first {
      if IncidentContext.precedes(symptom, first.finding) {
        weights.append(
          .contradicts(
            "\(service)'s symptoms began at \(UTC.clock(symptom.milliseconds)), before its resources changed",
            EvidenceWeight.strong))
      } else {
        weights.append(
          .supports(
            "\(context.signal(symptom).name) followed at \(UTC.clock(symptom.milliseconds))",
            EvidenceWeight.strong))
      }
    } else if let symptom = callerSymptoms.first, !IncidentContext.precedes(symptom, first.finding) {
      weights.append(
        .supports(
          "its caller \(context.signal(symptom).key.component) suffered from \(UTC.clock(symptom.milliseconds))",
          EvidenceWeight.moderate))
    }
    if context.anomalies.ranked.first?.component == service {
      weights.append(
        .supports("\(service) holds the largest robust anomaly of the incident", EvidenceWeight.moderate))
    }
    let earlierElsewhere = context.evidence.facts.first { fact in
      fact.isAdverse && fact.component != service && fact.category != .context && fact.category != .load
        && context.topology.dependsOn(service, fact.component)
        && IncidentContext.precedes(fact.finding, first.finding)
    }
    if let earlierElsewhere {
      weights.append(
        .contradicts(
          "its dependency \(earlierElsewhere.component) changed first, at \(UTC.clock(earlierElsewhere.milliseconds))",
          EvidenceWeight.strong))
    }

    if let load = facts.lazy.compactMap({ LoadRise(context: context).near($0, of: service) }).first {
      weights.append(.contradicts("\(load): the resource followed the load", EvidenceWeight.strong))
    }

    let what = Self.describe(strongest.kind)
    var chain = [
      CausalLink(
        component: service, role: "cause",
        symptom: "\(service) \(what): \(Numbers.text(strongest.finding.before)) → "
          + "\(Numbers.text(strongest.finding.after)) \(strongestSignal.unit)",
        signal: strongestSignal.name, signalKind: strongest.kind, onset: UTC.format(strongest.milliseconds),
        before: Numbers.rounded(strongest.finding.before), after: Numbers.rounded(strongest.finding.after),
        unit: strongestSignal.unit, evidence: facts.prefix(3).map { context.evidence.citation($0) })
    ]
    var charted = [strongest.signal]
    let links = SymptomLinks(context: context)
    let (ownLinks, ownSignals) = links.links(
      for: service, role: "symptom", from: first.milliseconds - first.uncertaintyMilliseconds)
    chain += ownLinks.map { $0.with(causedBy: [0]) }
    charted += ownSignals
    let origin = chain.count - 1
    for caller in callers.sorted() {
      let (callerLinks, signals) = links.links(for: caller, role: "downstream", from: first.milliseconds)
      chain += callerLinks.map { $0.with(causedBy: [origin]) }
      charted += signals
    }
    var hypothesis = Hypothesis(
      kind: kind, component: service, resource: nil, client: nil, trigger: nil,
      onsetMilliseconds: first.milliseconds, uncertaintyMilliseconds: first.uncertaintyMilliseconds,
      weights: weights,
      summary: "Resource saturation: \(service) \(what) from \(UTC.clock(first.milliseconds))"
        + (own.isEmpty ? "." : ", and its own latency or errors followed."),
      chain: chain, chartedSignals: charted)
    hypothesis.mitigations = [
      Mitigation(
        text: "Give \(service) more headroom (raise its CPU or memory limit, add replicas) or restart it; "
          + "capture a profile or heap dump first if it is still misbehaving.", commands: [])
    ]
    hypothesis.followUps = [
      "Find what made \(service) \(what) (a hot loop, a leak, a batch inside the service).",
      "Alert on \(service)'s CPU throttling and memory against its limits.",
    ]
    return hypothesis
  }

  static func describe(_ kind: SignalKind) -> String {
    switch kind {
    case .cpuUsage: "saturates its CPU"
    case .cpuThrottling: "is CPU-throttled"
    case .memoryUsage: "grows its memory"
    case .gcPause: "pauses for garbage collection"
    case .threads: "runs out of threads"
    case .openFiles: "runs out of file descriptors"
    case .oomKills: "is OOM-killed"
    case .eventLoopLag: "blocks its event loop"
    case .poolActive, .poolPending: "exhausts its connection pool"
    default: "exhausts a resource"
    }
  }
}
