import Signals

/// The chain links that show how one service suffered: its new error lines, latency and 5xx, in time order,
/// each following from the one before.
struct SymptomLinks {
  let context: IncidentContext

  /// At most this many new log templates per service; the rest stay on the timeline.
  static let templatesPerService = 2

  /// Links for `service`'s symptoms from `milliseconds` on (or for the given facts, such as a conduit's
  /// errors on the routes to it), with the signals to chart.
  func links(
    for service: String, role: String, from milliseconds: Int64 = .min, facts: [Fact]? = nil
  ) -> ([CausalLink], [Int]) {
    let symptoms =
      facts?.map(\.finding)
      ?? context.symptoms.filter { finding in
        context.signal(finding).key.component == service && finding.milliseconds >= milliseconds
      }
    var chosen: [Finding] = []
    chosen += symptoms.filter { context.signal($0).key.kind == .logTemplate }.prefix(Self.templatesPerService)
    for kind in [SignalKind.latencyP90, .errorRate] {
      if let first = symptoms.first(where: { context.signal($0).key.kind == kind }) { chosen.append(first) }
    }
    if chosen.isEmpty, let first = symptoms.first { chosen.append(first) }
    chosen.sort { ($0.milliseconds, $0.signal) < ($1.milliseconds, $1.signal) }
    let links = chosen.map { finding in
      let signal = context.signal(finding)
      var evidence = [EvidenceFactory.change(finding, of: signal)]
      evidence += EvidenceFactory.lines(of: signal, from: finding.milliseconds)
      return CausalLink(
        component: service, role: role, symptom: Self.describe(finding, signal), signal: signal.name,
        signalKind: signal.key.kind, onset: UTC.format(finding.milliseconds),
        before: Numbers.rounded(finding.before), after: Numbers.rounded(finding.after), unit: signal.unit,
        evidence: evidence)
    }
    let charted = chosen.filter { context.signal($0).key.kind != .logTemplate }.map(\.signal)
    return (links, charted)
  }

  static func describe(_ finding: Finding, _ signal: Signal) -> String {
    let component = signal.key.component
    let name =
      signal.name.hasPrefix(component + " ")
      ? String(signal.name.dropFirst(component.count + 1)) : signal.name
    switch signal.key.kind {
    case .logTemplate:
      return
        "\(component) logs a new kind of line: \(name.hasPrefix("log ") ? String(name.dropFirst(4)) : name)"
    case .latencyP50, .latencyP90, .latencyP99:
      return "\(component) \(name) rises from "
        + "\(Numbers.text(finding.before)) \(signal.unit) to \(Numbers.text(finding.after)) \(signal.unit)"
    case .errorRate:
      return "\(component) returns 5xx for \(Numbers.percent(finding.after)) of requests "
        + "(was \(Numbers.percent(finding.before)))"
    default:
      return "\(signal.name): \(Numbers.text(finding.before)) → \(Numbers.text(finding.after)) \(signal.unit)"
    }
  }
}
