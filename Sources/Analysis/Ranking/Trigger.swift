import Signals

/// The change that started an incident: a deploy, restart or config change of the origin (or its client)
/// shortly before the first sign of the fault.
enum Trigger {
  /// How long before the onset a change still counts as its trigger: long enough for a release to roll out
  /// and a leak to build up, short enough that yesterday's deploy is not blamed.
  static let toleranceMilliseconds: Int64 = 30 * 60_000

  /// A change marker: when, where, and the line that shows it.
  struct Change {
    var milliseconds: Int64
    var component: String
    var signal: Signal
    var line: ExampleLine?
  }

  /// Every bucket of a change signal (deploy banners, restarts, version changes) that saw one, earliest first.
  static func changes(in extraction: Extraction) -> [Change] {
    var changes: [Change] = []
    for signal in extraction.signals where signal.key.kind == .changes || signal.key.kind == .restarts {
      for (index, value) in signal.values.enumerated() where value.isFinite && value > 0 {
        let start = signal.milliseconds(at: index)
        let line = signal.examples.first { $0.milliseconds >= start && $0.milliseconds < start + signal.stepMilliseconds }
        changes.append(
          Change(
            milliseconds: line?.milliseconds ?? start, component: signal.key.component, signal: signal, line: line))
      }
    }
    return changes.sorted { ($0.milliseconds, $0.component) < ($1.milliseconds, $1.component) }
  }

  static func find(for hypothesis: Hypothesis, in context: IncidentContext) -> String? {
    let components = Set([hypothesis.component, hypothesis.client].compactMap { $0 })
    let change = changes(in: context.extraction).last { change in
      components.contains(change.component)
        && change.milliseconds <= hypothesis.onsetMilliseconds + hypothesis.uncertaintyMilliseconds
        && change.milliseconds >= hypothesis.onsetMilliseconds - toleranceMilliseconds
    }
    guard let change else { return nil }
    return "\(change.signal.name) at \(UTC.clock(change.milliseconds))"
      + (change.line.map { " (\($0.path):\($0.line): \($0.text))" } ?? "")
  }
}
