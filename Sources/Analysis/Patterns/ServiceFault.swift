import Signals

/// A fault inside one service: it slowed down or started failing by itself, and its callers suffered with it.
///
/// Requires: a symptom (latency, 5xx, error lines) in a service. When several services suffer together the
/// origin is the one the others call, not the first by name or the first to be noticed: a callee's slowdown
/// shows up in its callers within the same bucket. Edge proxies are conduits: a proxy's errors on the routes
/// of one upstream are that upstream's symptoms.
struct ServiceFault: IncidentPattern {
  let kind = IncidentKind.serviceLatency
  let requires = "a symptom (latency, 5xx, error lines) in a service"

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    let symptoms = candidateSymptoms(in: context)
    guard !symptoms.isEmpty else { return [] }
    return symptoms.keys.sorted().compactMap { service in
      hypothesis(for: service, symptoms: symptoms, in: context)
    }
  }

  /// Each candidate's symptoms, earliest first: a service's own, and those a conduit saw on its routes to it.
  private func candidateSymptoms(in context: IncidentContext) -> [String: [Fact]] {
    var result: [String: [Fact]] = [:]
    for fact in context.evidence.facts where fact.isAdverse && fact.category == .symptom {
      if context.topology.conduits.contains(fact.component) {
        guard let upstream = fact.resource else { continue }
        result[upstream, default: []].append(fact)
      } else if context.services.contains(fact.component) {
        result[fact.component, default: []].append(fact)
      }
    }
    // A conduit with symptoms attributed to no upstream is still a candidate, on its own evidence.
    for fact in context.evidence.facts
    where fact.isAdverse && fact.category == .symptom && context.topology.conduits.contains(fact.component)
      && fact.resource == nil
      && !context.evidence.facts.contains(where: {
        $0.component == fact.component && $0.resource != nil && $0.isAdverse && $0.category == .symptom
      })
    {
      result[fact.component, default: []].append(fact)
    }
    return result
  }

  private func hypothesis(
    for service: String, symptoms: [String: [Fact]], in context: IncidentContext
  ) -> Hypothesis? {
    guard let facts = symptoms[service], let first = facts.first else { return nil }
    let strongest = facts.max { ($0.magnitude, $1.signal) < ($1.magnitude, $0.signal) }!
    var weights: [EvidenceWeight] = [
      .supports(
        "\(context.evidence.signal(strongest).name) changed by \(Numbers.text(strongest.magnitude)) robust "
          + "deviations from its baseline",
        min(EvidenceWeight.strong, EvidenceWeight.size(strongest.magnitude)))
    ]
    let kinds = Set(facts.map(\.kind))
    if kinds.count > 1 {
      weights.append(
        .supports(
          "\(kinds.count) kinds of symptom agree (\(kinds.map(\.rawValue).sorted().joined(separator: ", ")))",
          min(EvidenceWeight.moderate, EvidenceWeight.weak * Double(kinds.count - 1))))
    }
    let others = symptoms.filter { $0.key != service }.compactMapValues(\.first)
    let earlier = others.filter { IncidentContext.precedes($0.value.finding, first.finding) }
    let concurrent = others.filter {
      !IncidentContext.precedes($0.value.finding, first.finding)
        && !IncidentContext.precedes(first.finding, $0.value.finding)
    }
    if others.isEmpty {
      weights.append(.supports("no other service changed", EvidenceWeight.moderate))
    } else if earlier.isEmpty {
      weights.append(
        .supports(
          "its first symptom at \(UTC.clock(first.milliseconds)) is the earliest", EvidenceWeight.weak))
    }
    // An earlier sufferer speaks against this origin only when it could be its cause: something it calls or
    // shares a callee with, or anything at all when the evidence shows none of its calls.
    let isolated =
      context.topology.callees(of: service).isEmpty && context.topology.callers(of: service).isEmpty
    let related = earlier.filter { other, _ in
      isolated || context.topology.dependsOn(service, other) || context.topology.shareCallee(service, other)
    }
    for (other, fact) in related.sorted(by: {
      ($0.value.milliseconds, $0.value.signal) < ($1.value.milliseconds, $1.value.signal)
    }).prefix(1) {
      weights.append(
        .contradicts(
          "\(other) suffered first, at \(UTC.clock(fact.milliseconds))", EvidenceWeight.moderate))
    }
    // Among services hurt together, the callee is the origin: its callers wait on it.
    let callers = concurrent.keys.filter { context.topology.dependsOn($0, service) }
    let callees = (Array(concurrent.keys) + Array(earlier.keys)).filter {
      context.topology.dependsOn(service, $0)
    }
    if !callers.isEmpty {
      weights.append(
        .supports(
          "\(callers.sorted().joined(separator: ", ")) call\(callers.count == 1 ? "s" : "") it and suffered at "
            + "the same time", EvidenceWeight.strong))
    }
    if let callee = callees.sorted().first {
      weights.append(
        .contradicts(
          "it calls \(callee), which suffered at the same time or earlier", EvidenceWeight.strong))
    }
    if let load = LoadRise(context: context).near(first, of: service) {
      weights.append(.contradicts("\(load): more requests, not a fault within", EvidenceWeight.moderate))
    }
    if context.topology.conduits.contains(service) {
      weights.append(
        .contradicts(
          "\(service) routes requests to upstreams: a conduit, not an origin", EvidenceWeight.strong))
    }
    if let resource = explainingResource(of: service, before: first, in: context) {
      weights.append(
        .contradicts(resource.reason, resource.own ? EvidenceWeight.strong : EvidenceWeight.moderate))
    } else if let elsewhere = saturationElsewhere(than: service, before: first, in: context) {
      weights.append(.contradicts(elsewhere, EvidenceWeight.moderate))
    }

    let latencyFirst = facts.first { SignalSemantics.latencies.contains($0.kind) }
    let kind: IncidentKind =
      latencyFirst.map { $0.milliseconds <= first.milliseconds + first.uncertaintyMilliseconds } == true
      ? .serviceLatency : .errorBurst
    let links = SymptomLinks(context: context)
    var (chain, charted) = links.links(for: service, role: "cause", facts: facts)
    let origin = chain.count - 1
    let victims = others.keys.filter { context.isVictim($0, of: service) }
    for victim in victims.sorted(by: {
      (others[$0]!.milliseconds, others[$0]!.signal) < (others[$1]!.milliseconds, others[$1]!.signal)
    }) {
      let (victimLinks, signals) = links.links(for: victim, role: "downstream")
      chain += victimLinks.map { $0.with(causedBy: [origin]) }
      charted += signals
    }
    let alone = others.isEmpty ? ", no other service changed" : ""
    let unexplained =
      weights.allSatisfy { $0.weight > 0 }
      ? "; no shared resource or load change precedes it." : "; but see what speaks against it."
    var hypothesis = Hypothesis(
      kind: kind, component: service, resource: nil, client: nil, trigger: nil,
      onsetMilliseconds: first.milliseconds, uncertaintyMilliseconds: first.uncertaintyMilliseconds,
      weights: weights,
      summary: "\(service) \(kind == .serviceLatency ? "slowed down" : "started failing") at "
        + "\(UTC.clock(first.milliseconds))\(alone)\(unexplained)",
      chain: chain, chartedSignals: charted)
    hypothesis.mitigations = [
      Mitigation(
        text:
          "Roll back or restart \(service) if a change preceded the onset; otherwise capture thread "
          + "dumps or profiles of \(service) while it is slow.",
        commands: [])
    ]
    hypothesis.followUps = [
      "Find what changed in \(service) at the onset (code path, dependency, configuration).",
      "Alert on \(service) p90 latency and 5xx ratio.",
    ]
    return hypothesis
  }

  /// When the evidence shows none of a service's calls (metrics alone), another service whose own runtime
  /// resource jumped with or before this symptom may well be what it waits on: weaker than a known call.
  private func saturationElsewhere(than service: String, before first: Fact, in context: IncidentContext)
    -> String?
  {
    guard context.topology.callees(of: service).isEmpty else { return nil }
    let other = context.evidence.facts.first { fact in
      fact.isAdverse && fact.component != service && SignalSemantics.serviceResources.contains(fact.kind)
        && fact.magnitude >= 10 && fact.milliseconds <= first.milliseconds + first.uncertaintyMilliseconds
    }
    return other.map {
      "\(context.evidence.signal($0).name) jumped at \(UTC.clock($0.milliseconds)), with or before its symptoms, "
        + "and no call of \(service)'s is known"
    }
  }

  /// A resource that changed for the worse before the service's first symptom and may explain it: one of
  /// its own runtime resources (`own`: resource saturation explains it), or a database or dependency it calls
  /// (weaker: a busier database is not yet a failing one; the database's own patterns weigh that).
  private func explainingResource(of service: String, before first: Fact, in context: IncidentContext)
    -> (reason: String, own: Bool)?
  {
    let callees = Set(context.topology.callees(of: service))
    let explaining = context.evidence.facts.first { fact in
      fact.isAdverse && (fact.category == .resource || fact.category == .event)
        && fact.milliseconds <= first.milliseconds + first.uncertaintyMilliseconds
        && ((fact.component == service && SignalSemantics.serviceResources.contains(fact.kind))
          || callees.contains(fact.component) || (fact.resource.map(callees.contains) ?? false))
    }
    return explaining.map {
      (
        "\(context.evidence.signal($0).name) changed at \(UTC.clock($0.milliseconds)), before or with its symptoms",
        $0.component == service || $0.category == .event
      )
    }
  }
}
