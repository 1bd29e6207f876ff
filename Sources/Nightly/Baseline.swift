/// What normal looks like for one signal at one hour: robust statistics of the same hour on earlier nights,
/// on the same weekday when there are enough of those, else on every day.
enum Baseline {
  /// Robust summary of a sample: median, MAD (median absolute deviation) and the 10th/90th percentiles.
  struct Stats: Sendable, Equatable {
    var samples: Int
    var median: Double
    var mad: Double
    var p10: Double
    var p90: Double

    init?(_ values: [Double]) {
      guard !values.isEmpty else { return nil }
      let sorted = values.sorted()
      samples = sorted.count
      median = Self.quantile(sorted, 0.5)
      let centre = median
      mad = Self.quantile(sorted.map { abs($0 - centre) }.sorted(), 0.5)
      p10 = Self.quantile(sorted, 0.1)
      p90 = Self.quantile(sorted, 0.9)
    }

    /// Linear interpolation between closest ranks (type 7, the default of R and NumPy).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
      let position = q * Double(sorted.count - 1)
      let lower = Int(position.rounded(.down))
      let upper = min(lower + 1, sorted.count - 1)
      return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
  }

  /// A baseline as stored: which signal, hour and weekday (-1 for every day) it describes.
  struct Row: Sendable, Equatable {
    var key: String
    var hourOfDay: Int
    var weekday: Int
    var stats: Stats
  }

  /// Fewer earlier nights than this at an hour, and the hour is not judged: two nights are not a habit.
  static let minimumSamples = 3
  /// Half-width of the band in robust standard deviations (1.4826 × MAD estimates σ for normal noise).
  static let deviations = 4.0
  /// …and at least this fraction of the median, so a series that barely moved for a week does not page on
  /// an ordinary wobble.
  static let relativeFloor = 0.3

  /// The smallest change that counts, by unit: two events an hour for rates, a percentage point for ratios,
  /// 50 ms for durations, two connections.
  static func absoluteFloor(unit: String) -> Double {
    if unit.hasSuffix("/s") { return 2.0 / 3600 }
    switch unit {
    case "ratio": return 0.01
    case "%": return 1
    case "s": return 0.05
    case "connections": return 2
    default: return 0
    }
  }

  /// The stats for `hourOfDay`/`weekday` from `samples`: the weekday's when it has enough, else every day's.
  static func row(key: String, hourOfDay: Int, weekday: Int, samples: [History.HourSample]) -> Row? {
    let sameHour = samples.filter { $0.hourOfDay == hourOfDay }
    let sameWeekday = sameHour.filter { $0.weekday == weekday }
    if sameWeekday.count >= minimumSamples, let stats = Stats(sameWeekday.map(\.mean)) {
      return Row(key: key, hourOfDay: hourOfDay, weekday: weekday, stats: stats)
    }
    if sameHour.count >= minimumSamples, let stats = Stats(sameHour.map(\.mean)) {
      return Row(key: key, hourOfDay: hourOfDay, weekday: -1, stats: stats)
    }
    return nil
  }

  /// The band `[low, high]` normal values fall in.
  static func band(_ stats: Stats, unit: String) -> ClosedRange<Double> {
    let width = max(
      deviations * 1.4826 * stats.mad, relativeFloor * abs(stats.median), absoluteFloor(unit: unit))
    return (stats.median - width)...(stats.median + width)
  }
}
