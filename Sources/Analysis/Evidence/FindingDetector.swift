import Detect
import Signals

/// Finds the significant changes of every signal: level shifts, plateaus at a known limit, new log templates.
struct FindingDetector {
  let extraction: Extraction
  let detector = ChangePointDetector.operational

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
      // Counts of log lines (a template, a client's refusals) change by appearing.
      if signal.firstSeenMilliseconds != nil {
        if let finding = firstOccurrence(signal, index: index) { findings.append(finding) }
        continue
      }
      if signal.key.kind == .dbMaxConnections { continue }
      let shifts = levelShifts(signal, index: index)
      findings += shifts
      if shifts.isEmpty, SignalSemantics.meaning(of: signal).category == .resource,
        let growth = growth(signal, index: index)
      {
        findings.append(growth)
      }
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
      // Resources fill up through a ramp whose start is the onset that matters (a leak begins long before
      // the limit); symptoms step, and each step is its own change.
      let ramps = signal.role == .resource && point.direction == .up
      let onset =
        ramps
        ? PointEvents.rampOnset(signal.values, changeIndex: point.index)
        : Self.firstCrossing(signal.values, point)
      let change: ChangeKind = point.direction == .up ? .rise : .drop
      // Latency quantiles are heavy-tailed: a few timeouts drag a segment's mean far from what users saw.
      let robust = SignalSemantics.latencies.contains(signal.key.kind)
      // The shift must stand out against what was normal before it, and clear the unit's floor.
      let floor = MinimumShift.floor(for: signal.unit)
      let magnitude: Double
      if let baseline = RobustBaseline(signal.values[..<onset]) {
        magnitude = baseline.deviations(of: point.afterMedian, floor: floor)
        guard magnitude >= Self.minimumEffectSize else { continue }
      } else {
        guard abs(point.afterMedian - point.beforeMedian) >= floor else { continue }
        magnitude = point.effectSize
      }
      let milliseconds = signal.milliseconds(at: onset)
      // A ramp is segmented as a staircase of steps whose ramps reach back into the previous step: one change.
      if ramps, var last = findings.last, last.change == change, milliseconds <= last.changeMilliseconds {
        last.milliseconds = min(last.milliseconds, milliseconds)
        last.after = point.after
        last.changeMilliseconds = signal.milliseconds(at: point.index)
        last.effectSize = max(last.effectSize, point.effectSize)
        last.magnitude = max(last.magnitude, magnitude)
        findings[findings.count - 1] = last
        continue
      }
      findings.append(
        Finding(
          signal: index, change: change, milliseconds: milliseconds,
          uncertaintyMilliseconds: signal.stepMilliseconds,
          before: robust ? point.beforeMedian : point.before,
          after: robust ? point.afterMedian : point.after, effectSize: point.effectSize,
          magnitude: magnitude, changeMilliseconds: signal.milliseconds(at: point.index)))
    }
    return findings
  }

  /// A slow climb (a leak) has no step for the segmentation to find, only a kink: compare where the series
  /// ends with where it started, and date the climb where its line leaves the baseline.
  private func growth(_ signal: Signal, index: Int) -> Finding? {
    let finite = signal.values.indices.filter { signal.values[$0].isFinite }
    guard finite.count >= 12, let last = finite.last else { return nil }
    let tail = finite.suffix(max(3, finite.count / 10)).map { signal.values[$0] }
    guard let baseline = RobustBaseline(finite.prefix(finite.count / 2).map { signal.values[$0] }),
      let end = RobustBaseline(tail)
    else { return nil }
    let floor = MinimumShift.floor(for: signal.unit)
    let magnitude = baseline.deviations(of: end.median, floor: floor)
    let larger = max(abs(end.median), abs(baseline.median))
    guard magnitude >= Self.minimumEffectSize, larger > 0,
      abs(end.median - baseline.median) >= Self.minimumRelativeChange * larger
    else { return nil }
    let onset = PointEvents.rampOnset(signal.values, changeIndex: last)
    guard onset < last else { return nil }
    let rising = end.median > baseline.median
    return Finding(
      signal: index, change: rising ? .rise : .drop, milliseconds: signal.milliseconds(at: onset),
      uncertaintyMilliseconds: signal.stepMilliseconds, before: baseline.median, after: end.median,
      effectSize: magnitude, magnitude: magnitude, changeMilliseconds: signal.milliseconds(at: last))
  }

  /// Where a step really begins: the detector's boundary can land a bucket or two late on noisy series, so
  /// walk back while the values are already past the midpoint between the segments' medians.
  static func firstCrossing(_ values: [Double], _ point: ChangePoint) -> Int {
    let midpoint = (point.beforeMedian + point.afterMedian) / 2
    func past(_ value: Double) -> Bool { point.direction == .up ? value > midpoint : value < midpoint }
    var onset = point.index
    var index = point.index - 1
    while index >= 0 && point.index - index <= 3 {
      let value = values[index]
      if !value.isNaN {
        guard past(value) else { break }
        onset = index
      }
      index -= 1
    }
    return onset
  }

  private func plateau(_ signal: Signal, index: Int, limit: Double) -> Finding? {
    let tolerance = max(2, limit * 0.02)
    guard let start = PointEvents.plateau(signal.values, limit: limit, tolerance: tolerance) else {
      return nil
    }
    // The level before the climb to the limit, not the mean of the climb itself.
    let climb = PointEvents.rampOnset(signal.values, changeIndex: start)
    let before = signal.values[..<max(climb, 1)].filter { !$0.isNaN }
    let magnitude =
      RobustBaseline(before).map { $0.deviations(of: limit, floor: MinimumShift.floor(for: signal.unit)) }
      ?? Self.minimumEffectSize
    return Finding(
      signal: index, change: .plateau, milliseconds: signal.milliseconds(at: start),
      uncertaintyMilliseconds: signal.stepMilliseconds,
      before: before.isEmpty ? .nan : before.reduce(0, +) / Double(before.count), after: limit, effectSize: 0,
      magnitude: magnitude, changeMilliseconds: signal.milliseconds(at: start))
  }

  /// Lines first seen after a quiet stretch: the "new kind of line" of an incident. Lines that are mere
  /// context (info templates) are left out.
  private func firstOccurrence(_ signal: Signal, index: Int) -> Finding? {
    guard signal.role != .context, let first = signal.firstSeenMilliseconds,
      let firstIndex = PointEvents.firstNonZero(signal.values, minimumZeroRun: Self.quietBuckets),
      !signal.values[..<firstIndex].contains(where: { $0 > 0 })
    else { return nil }
    let seconds = Double(signal.stepMilliseconds) / 1000
    let lines = signal.values.reduce(0) { $0 + ($1.isNaN ? 0 : $1 * seconds) }
    let after = signal.values[firstIndex...].filter { !$0.isNaN }
    let present = Double(after.count { $0 > 0 }) / Double(max(1, after.count))
    guard lines >= Double(Self.minimumTemplateLines), present >= Self.minimumTemplatePresence else {
      return nil
    }
    let level = after.reduce(0, +) / Double(max(1, after.count))
    // Against a silent baseline, a new line's size is its rate over the unit's floor.
    let floor = max(MinimumShift.floor(for: signal.unit), 1e-3)
    return Finding(
      signal: index, change: .new, milliseconds: first, uncertaintyMilliseconds: 1000, before: 0,
      after: level, effectSize: 0, magnitude: level / floor, changeMilliseconds: first)
  }
}
