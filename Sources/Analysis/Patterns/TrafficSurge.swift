import Signals

/// A traffic surge: offered load rose before the symptoms, and the services slowed or failed under it.
///
/// Requires: a sustained rise of the total request rate by at least `Traffic.surgeFraction`, before the first
/// symptom (beyond the uncertainty of both). A surge the system absorbs (no symptom follows) is no incident.
/// The origin is the load: `component` the service the extra requests went to, `client` the source sending
/// most of them when the evidence names one.
struct TrafficSurge: IncidentPattern {
  let kind = IncidentKind.trafficSurge
  let requires = "total request rate rising before the first symptom"

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    let traffic = Traffic(context: context)
    guard let total = traffic.total, let surge = traffic.surge, let onset = context.incidentOnset,
      surge.milliseconds <= onset.milliseconds + onset.uncertaintyMilliseconds
    else { return [] }
    let rise = surge.after / max(surge.before, 1e-9) - 1
    var weights: [EvidenceWeight] = [
      .supports(
        "total request rate \(Numbers.text(surge.before)) → \(Numbers.text(surge.after)) req/s "
          + "(+\(Numbers.percent(rise))) at \(UTC.clock(surge.milliseconds))",
        EvidenceWeight.strong + min(EvidenceWeight.moderate, rise / 2)),
      .supports(
        "the first symptom followed at \(UTC.clock(onset.milliseconds))", EvidenceWeight.moderate),
    ]
    let source = loadSource(after: surge.milliseconds, in: context)
    if let source {
      weights.append(
        .supports(
          "\(source.client) sent \(Numbers.percent(source.share)) of the extra requests",
          EvidenceWeight.moderate))
    }
    let finding = Finding(
      signal: -1, change: .rise, milliseconds: surge.milliseconds,
      uncertaintyMilliseconds: surge.uncertaintyMilliseconds, before: surge.before, after: surge.after,
      effectSize: surge.effectSize, magnitude: surge.effectSize, changeMilliseconds: surge.milliseconds)
    let target = receiver(after: surge.milliseconds, in: context)
    let origin = target ?? source?.client ?? "all services"
    var chain = [
      CausalLink(
        component: origin, role: "cause",
        symptom: "traffic rises from \(Numbers.text(surge.before)) to \(Numbers.text(surge.after)) req/s",
        signal: total.name, signalKind: .requestRate, onset: UTC.format(surge.milliseconds),
        before: Numbers.rounded(surge.before), after: Numbers.rounded(surge.after), unit: total.unit,
        evidence: [EvidenceFactory.change(finding, of: total)])
    ]
    var charted: [Int] = []
    let symptoms = SymptomLinks(context: context)
    let first = context.firstSymptomByService
    for service in first.keys.sorted(by: {
      (first[$0]!.milliseconds, first[$0]!.signal) < (first[$1]!.milliseconds, first[$1]!.signal)
    }) {
      let (links, signals) = symptoms.links(for: service, role: "symptom")
      chain += links.map { $0.with(causedBy: [0]) }
      charted += signals
    }
    var hypothesis = Hypothesis(
      kind: kind, component: origin, resource: nil, client: source?.client, trigger: nil,
      onsetMilliseconds: surge.milliseconds, uncertaintyMilliseconds: surge.uncertaintyMilliseconds,
      weights: weights,
      summary: "Traffic surge: total request rate rose \(Numbers.percent(rise)) before the first symptom"
        + (target.map { ", most of it to \($0)" } ?? "") + (source.map { ", from \($0.client)" } ?? "") + ".",
      chain: chain, chartedSignals: charted)
    hypothesis.mitigations = [
      Mitigation(
        text: "Rate-limit or shed the surge at the edge, and scale the saturated services.", commands: [])
    ]
    hypothesis.followUps = ["Find the source of the surge and add rate limits or autoscaling for it."]
    return [hypothesis]
  }

  /// The service the extra requests went to: the largest rise of a request rate around the surge, a
  /// proxy's per-upstream rate counting for its upstream.
  private func receiver(after milliseconds: Int64, in context: IncidentContext) -> String? {
    let rises = context.evidence.facts([.requestRate], changes: [.rise]).filter {
      abs($0.milliseconds - milliseconds) <= max($0.uncertaintyMilliseconds, 60_000)
    }
    let target = { (fact: Fact) -> String? in
      if let resource = fact.resource, context.topology.conduits.contains(fact.component) { return resource }
      return context.topology.conduits.contains(fact.component) ? nil : fact.component
    }
    let best = rises.filter { target($0) != nil }.max {
      ($0.finding.after - $0.finding.before, $1.signal) < ($1.finding.after - $1.finding.before, $0.signal)
    }
    return best.flatMap(target)
  }

  /// The client whose requests rose most, when request signals name their clients and one holds most of
  /// the rise.
  private func loadSource(after milliseconds: Int64, in context: IncidentContext) -> (
    client: String, share: Double
  )? {
    let rises = context.evidence.facts(
      [.requestRate], changes: [.rise]
    ).filter { $0.client != nil && $0.milliseconds + $0.uncertaintyMilliseconds >= milliseconds - 60_000 }
    let total = rises.reduce(0) { $0 + max(0, $1.finding.after - $1.finding.before) }
    guard total > 0,
      let top = rises.max(by: {
        ($0.finding.after - $0.finding.before, $1.signal) < ($1.finding.after - $1.finding.before, $0.signal)
      }), let client = top.client
    else { return nil }
    let share = (top.finding.after - top.finding.before) / total
    return share >= 0.5 ? (client, share) : nil
  }

  func ruledOut(in context: IncidentContext) -> RuledOutCause? {
    let traffic = Traffic(context: context)
    guard let total = traffic.total, let onset = context.incidentOnset?.milliseconds,
      let levels = traffic.levels(around: onset)
    else { return nil }
    let surge =
      traffic.surge.map { _ in
        "; no rise of \(Numbers.percent(Traffic.surgeFraction)) or more before the first symptom"
      } ?? ", no change point"
    return RuledOutCause(
      cause: "traffic",
      why: "\(total.name) \(Numbers.text(levels.before)) → \(Numbers.text(levels.after)) req/s "
        + "before and after \(UTC.clock(onset))\(surge)")
  }
}
