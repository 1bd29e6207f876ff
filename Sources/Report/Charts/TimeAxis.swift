/// The x axis: UTC ticks at round intervals (every 5 min, every hour…) aligned to the epoch, so that they
/// fall on `:00`, `:05`, `:10`.
struct TimeAxis {
  let start: Int64
  let end: Int64
  let tickStep: Int64

  static let maximumTicks: Int64 = 8
  /// Round intervals in seconds, from one second to a week.
  private static let steps: [Int64] = [
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800,
    604_800,
  ]

  init(start: Int64, end: Int64) {
    self.start = start
    self.end = end > start ? end : start.addingReportingOverflow(1).overflow ? start : start + 1
    let span = max(1, self.end.subtractingReportingOverflow(start).overflow ? Int64.max : self.end - start)
    let perTick = Self.steps.map { $0 * 1000 }.first { span / $0 <= Self.maximumTicks }
    tickStep = perTick ?? (span / Self.maximumTicks / 86_400_000 + 1) * 86_400_000
  }

  var ticks: [Int64] {
    var ticks: [Int64] = []
    var tick = start / tickStep * tickStep
    while tick <= end {
      if tick >= start { ticks.append(tick) }
      let (next, overflow) = tick.addingReportingOverflow(tickStep)
      if overflow { break }
      tick = next
    }
    return ticks
  }

  /// `HH:MM`, with seconds when ticks are less than a minute apart.
  func label(_ milliseconds: Int64) -> String {
    UTCText.clock(milliseconds: milliseconds, seconds: tickStep < 60_000)
  }
}
