import Signals

/// The fallback pattern: the service that suffered first is where the fault is, when no shared resource
/// or load change explains it. Its confidence is lower the more another pattern explains.
struct ServiceFault {
  let context: IncidentContext

  func hypothesis(explainedElsewhere: Bool) -> Hypothesis? {
    guard let onset = context.incidentOnset else { return nil }
    let service = context.signal(onset).key.component
    let first = context.firstSymptomByService
    let latencyFirst = context.symptoms.first { finding in
      let key = context.signal(finding).key
      return key.component == service && [.latencyP50, .latencyP90, .latencyP99].contains(key.kind)
    }
    let kind: IncidentKind =
      latencyFirst.map { $0.milliseconds <= onset.milliseconds + onset.uncertaintyMilliseconds } == true
      ? .serviceLatency : .errorBurst
    let symptoms = SymptomLinks(context: context)
    var (chain, charted) = symptoms.links(for: service, role: "cause")
    for other in first.keys.sorted(by: { (first[$0]!.milliseconds, $0) < (first[$1]!.milliseconds, $1) })
    where other != service {
      let (links, signals) = symptoms.links(for: other, role: "downstream")
      chain += links
      charted += signals
    }
    let alone =
      first.count == 1
      ? ", no other service changed first" : ", the earliest of \(first.count) affected services"
    return Hypothesis(
      component: service, kind: kind, resource: nil, onsetMilliseconds: onset.milliseconds,
      confidence: explainedElsewhere ? 0.2 : (first.count == 1 ? 0.7 : 0.55),
      summary: "\(service) \(kind == .serviceLatency ? "slowed down" : "started failing") by itself at "
        + "\(UTC.clock(onset.milliseconds))\(alone); no shared resource or load change precedes it.",
      chain: chain, chartedSignals: charted)
  }
}
