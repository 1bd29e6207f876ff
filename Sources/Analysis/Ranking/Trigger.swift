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
        let line = signal.examples.first {
          $0.milliseconds >= start && $0.milliseconds < start + signal.stepMilliseconds
        }
        changes.append(
          Change(
            milliseconds: line?.milliseconds ?? start, component: signal.key.component, signal: signal,
            line: line))
      }
    }
    return changes.sorted { ($0.milliseconds, $0.component) < ($1.milliseconds, $1.component) }
  }

  /// A change this close before the first evidence of the mechanism started it: the fault's onset is the
  /// change itself (a release that leaks from its first request).
  static let startsMilliseconds: Int64 = 2 * 60_000

  /// The trigger of `hypothesis`, and its onset moved to the change when the change started it.
  static func compose(_ hypothesis: Hypothesis, in context: IncidentContext) -> Hypothesis {
    guard hypothesis.trigger == nil, let change = find(for: hypothesis, in: context) else {
      return hypothesis
    }
    var composed = hypothesis
    composed.trigger = change.text
    if change.milliseconds < hypothesis.onsetMilliseconds,
      hypothesis.onsetMilliseconds - change.milliseconds <= startsMilliseconds
    {
      composed.onsetMilliseconds = change.milliseconds
    }
    return composed
  }

  static func find(for hypothesis: Hypothesis, in context: IncidentContext) -> (
    text: String, milliseconds: Int64
  )? {
    let components = Set([hypothesis.component, hypothesis.client].compactMap { $0 })
    let change = changes(in: context.extraction).last { change in
      components.contains(change.component)
        && change.milliseconds <= hypothesis.onsetMilliseconds + hypothesis.uncertaintyMilliseconds
        && change.milliseconds >= hypothesis.onsetMilliseconds - toleranceMilliseconds
    }
    guard let change else { return nil }
    let text =
      "\(change.signal.name) at \(UTC.clock(change.milliseconds))"
      + (change.line.map { " (\($0.path):\($0.line): \($0.text))" } ?? "")
    return (text, change.milliseconds)
  }
}
