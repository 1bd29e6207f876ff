import Signals

/// A release or configuration change that regressed: a service changed version (or restarted into a new
/// one), and its own behaviour worsened right after — its latency or errors, its CPU or memory, or the load
/// its queries put on the database (a release that brings N+1 queries).
///
/// Requires: a change marker on a service (a start-up banner with a version, a version label changing, a
/// rollout) followed within `tolerance` by that service's own adverse changes. A deploy that nothing follows
/// is harmless and forms no hypothesis; one whose service was already suffering is contradicted. When the
/// change brought a mechanism that spreads through a shared resource (a pool that leaks until the database
/// is full), that mechanism's own pattern names it and this one's trigger composes with it.
struct DeployRegression: IncidentPattern {
  let kind = IncidentKind.deployRegression
  let requires = "a deploy or version change of a service followed by its own latency, errors or load rising"

  /// How long after a change its service's trouble still counts as the change's doing.
  static let toleranceMilliseconds: Int64 = 10 * 60_000

  func hypotheses(in context: IncidentContext) -> [Hypothesis] {
    var latest: [String: Trigger.Change] = [:]
    for change in Trigger.changes(in: context.extraction) where context.services.contains(change.component) {
      latest[change.component] = change
    }
    return latest.keys.sorted().compactMap { hypothesis(for: latest[$0]!, in: context) }
  }

  /// The service's own adverse facts: its symptoms (not its calls' latency), its runtime resources, and the
  /// database work it drives as a client.
  private func own(_ service: String, in context: IncidentContext) -> [Fact] {
    context.evidence.facts(adverse: true).filter { fact in
      (fact.component == service && fact.resource == nil
        && (fact.category == .symptom || SignalSemantics.serviceResources.contains(fact.kind)))
        || (fact.client == service && fact.kind.rawValue.hasPrefix("db-"))
    }
  }

  private func hypothesis(for change: Trigger.Change, in context: IncidentContext) -> Hypothesis? {
    let service = change.component
    let facts = own(service, in: context)
    let margin = max(change.signal.stepMilliseconds, context.extraction.stepMilliseconds)
    let after = facts.filter {
      $0.milliseconds + margin >= change.milliseconds
        && $0.milliseconds - change.milliseconds <= Self.toleranceMilliseconds
    }
    guard let first = after.first else { return nil }
    let strongest = after.max { ($0.magnitude, $1.signal) < ($1.magnitude, $0.signal) }!
    let what = change.line.map { "\($0.text.prefix(100))" } ?? change.signal.name
    var weights: [EvidenceWeight] = [
      .supports(
        "\(service) changed at \(UTC.clock(change.milliseconds)) (\(what)); "
          + "\(context.evidence.signal(first).name) followed at \(UTC.clock(first.milliseconds))",
        EvidenceWeight.strong),
      .supports(
        "\(context.evidence.signal(strongest).name) moved \(Numbers.text(strongest.magnitude)) robust deviations",
        min(EvidenceWeight.strong, EvidenceWeight.size(strongest.magnitude))),
    ]
    if let load = after.first(where: { $0.client == service }) {
      weights.append(
        .supports(
          "the database work \(service) drives rose: \(context.evidence.signal(load).name)",
          EvidenceWeight.moderate))
    }
    if let before = facts.first(where: { $0.milliseconds + margin < change.milliseconds }) {
      weights.append(
        .contradicts(
          "\(service) was already suffering before the change: \(context.evidence.signal(before).name) at "
            + UTC.clock(before.milliseconds), EvidenceWeight.strong))
    }
    let citation = Evidence(
      file: change.line?.path ?? change.signal.sources.first, line: change.line?.line,
      time: UTC.format(change.milliseconds), text: change.line?.text ?? change.signal.name)
    var chain = [
      CausalLink(
        component: service, role: "cause", symptom: "\(service) is deployed: \(what)",
        signal: change.signal.name, signalKind: change.signal.key.kind,
        onset: UTC.format(change.milliseconds),
        before: 0, after: 1, unit: "", evidence: [citation])
    ]
    let links = SymptomLinks(context: context)
    var (ownLinks, charted) = links.links(for: service, role: "symptom", from: change.milliseconds - margin)
    if ownLinks.isEmpty {
      ownLinks = [
        CausalLink(
          component: service, role: "symptom",
          symptom: SymptomLinks.describe(strongest.finding, context.evidence.signal(strongest)),
          signal: context.evidence.signal(strongest).name, signalKind: strongest.kind,
          onset: UTC.format(strongest.milliseconds), before: Numbers.rounded(strongest.finding.before),
          after: Numbers.rounded(strongest.finding.after), unit: context.evidence.signal(strongest).unit,
          evidence: [context.evidence.citation(strongest)])
      ]
      charted = [strongest.signal]
    }
    chain += ownLinks.map { $0.with(causedBy: [0]) }
    var hypothesis = Hypothesis(
      kind: kind, component: service, resource: nil, client: service,
      trigger: "\(change.signal.name) at \(UTC.clock(change.milliseconds))"
        + (change.line.map { " (\($0.path):\($0.line))" } ?? ""),
      onsetMilliseconds: change.milliseconds, uncertaintyMilliseconds: margin, weights: weights,
      summary: "Deploy regression: \(service) changed at \(UTC.clock(change.milliseconds)) and its own "
        + "\(context.evidence.signal(first).name) worsened from \(UTC.clock(first.milliseconds)).",
      chain: chain, chartedSignals: charted)
    hypothesis.mitigations = [
      Mitigation(text: "Roll \(service) back to the version before the change.", commands: [])
    ]
    hypothesis.followUps = [
      "Find what the change to \(service) altered (queries per request, timeouts, pool settings) and add a test for it.",
      "Gate \(service)'s rollouts on its latency, error rate and database load (canary analysis).",
    ]
    return hypothesis
  }
}
