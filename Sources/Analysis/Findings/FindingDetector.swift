import Detect
import Signals

/// Finds the significant changes of every signal: level shifts, plateaus at a known limit, new log templates.
struct FindingDetector {
  let extraction: Extraction
  let detector = ChangePointDetector(minimumSegmentLength: 3)

  /// A shift must be at least this many noise scales…
  static let minimumEffectSize = 3.0
  /// …and this fraction of the larger level, so a flat series with tiny noise does not report tiny shifts.
  static let minimumRelativeChange = 0.2
  /// A template seen fewer times than this is an anecdote, not a change.
  static let minimumTemplateLines = 3
  /// A new template must keep appearing in this fraction of the buckets after its first line: a rare warning
  /// that shows up now and then is background, a new failure mode repeats.
  static let minimumTemplatePresence = 0.3
  /// A template is new only after this many buckets without it (a minute at 10 s): one present from the
  /// start of the evidence did not begin inside it.
  static let quietBuckets = 6

  func findings() -> [Finding] {
    var findings: [Finding] = []
    let limit = connectionLimit()
    for (index, signal) in extraction.signals.enumerated() {
      switch signal.key.kind {
      case .logTemplate:
        if let finding = newTemplate(signal, index: index) { findings.append(finding) }
        continue
      case .dbMaxConnections:
        continue
      default:
        break
      }
      findings += levelShifts(signal, index: index)
      if signal.key.kind == .dbConnections, signal.key.subject == nil, let limit,
        let finding = plateau(signal, index: index, limit: limit)
      {
        findings.append(finding)
      }
    }
    return findings
  }

  /// The server's `max_connections`, when a metric dump or variables capture gives it.
  func connectionLimit() -> Double? {
    extraction.signals.first { $0.key.kind == .dbMaxConnections }?.values.last { !$0.isNaN }
  }

  private func levelShifts(_ signal: Signal, index: Int) -> [Finding] {
    var findings: [Finding] = []
    for point in detector.detect(signal.values) {
      let larger = max(abs(point.before), abs(point.after))
      guard point.effectSize >= Self.minimumEffectSize, larger > 0,
        abs(point.after - point.before) >= Self.minimumRelativeChange * larger
      else { continue }
      let onset =
        point.direction == .up ? PointEvents.rampOnset(signal.values, changeIndex: point.index) : point.index
      let change: ChangeKind = point.direction == .up ? .rise : .drop
      let milliseconds = signal.milliseconds(at: onset)
      // A ramp is segmented as a staircase of steps that all began where the ramp began: one change.
      if var last = findings.last, last.change == change, last.milliseconds == milliseconds {
        last.after = point.after
        last.effectSize = max(last.effectSize, point.effectSize)
        findings[findings.count - 1] = last
        continue
      }
      findings.append(
        Finding(
          signal: index, change: change, milliseconds: milliseconds,
          uncertaintyMilliseconds: signal.stepMilliseconds, before: point.before, after: point.after,
          effectSize: point.effectSize))
    }
    return findings
  }

  private func plateau(_ signal: Signal, index: Int, limit: Double) -> Finding? {
    let tolerance = max(2, limit * 0.02)
    guard let start = PointEvents.plateau(signal.values, limit: limit, tolerance: tolerance) else { return nil }
    // The level before the climb to the limit, not the mean of the climb itself.
    let climb = PointEvents.rampOnset(signal.values, changeIndex: start)
    let before = signal.values[..<max(climb, 1)].filter { !$0.isNaN }
    return Finding(
      signal: index, change: .plateau, milliseconds: signal.milliseconds(at: start),
      uncertaintyMilliseconds: signal.stepMilliseconds,
      before: before.isEmpty ? .nan : before.reduce(0, +) / Double(before.count), after: limit, effectSize: 0)
  }

  /// A warning-or-worse template first seen after a quiet stretch: the "new kind of line" of an incident.
  private func newTemplate(_ signal: Signal, index: Int) -> Finding? {
    guard signal.role == .symptom, let first = signal.firstSeenMilliseconds,
      let firstIndex = PointEvents.firstNonZero(signal.values, minimumZeroRun: Self.quietBuckets),
      !signal.values[..<firstIndex].contains(where: { $0 > 0 })
    else { return nil }
    let seconds = Double(signal.stepMilliseconds) / 1000
    let lines = signal.values.reduce(0) { $0 + ($1.isNaN ? 0 : $1 * seconds) }
    let after = signal.values[firstIndex...].filter { !$0.isNaN }
    let present = Double(after.count { $0 > 0 }) / Double(max(1, after.count))
    guard lines >= Double(Self.minimumTemplateLines), present >= Self.minimumTemplatePresence else { return nil }
    return Finding(
      signal: index, change: .new, milliseconds: first, uncertaintyMilliseconds: 1000, before: 0,
      after: after.reduce(0, +) / Double(max(1, after.count)), effectSize: 0)
  }
}
