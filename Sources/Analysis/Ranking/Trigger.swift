import Signals

/// The change that started an incident: a deploy, restart or config change of the origin (or its client)
/// shortly before the first sign of the fault.
enum Trigger {
  /// How long before the onset a change still counts as its trigger: long enough for a release to roll out
  /// and a leak to build up, short enough that yesterday's deploy is not blamed.
  static let toleranceMilliseconds: Int64 = 30 * 60_000

  static func find(for hypothesis: Hypothesis, in context: IncidentContext) -> String? {
    let components = Set([hypothesis.component, hypothesis.client].compactMap { $0 })
    let change = context.evidence.facts([.changes, .restarts]).last { fact in
      components.contains(fact.component)
        && fact.milliseconds <= hypothesis.onsetMilliseconds + hypothesis.uncertaintyMilliseconds
        && fact.milliseconds >= hypothesis.onsetMilliseconds - toleranceMilliseconds
    }
    guard let change else { return nil }
    let signal = context.evidence.signal(change)
    let line = signal.examples.first { $0.milliseconds >= change.milliseconds }
    return "\(signal.name) at \(UTC.clock(change.milliseconds))"
      + (line.map { " (\($0.path):\($0.line))" } ?? "")
  }
}
