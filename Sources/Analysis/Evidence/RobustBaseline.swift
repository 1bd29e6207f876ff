/// What a series looked like before a change, measured robustly: its median and spread.
///
/// A shift is judged against this baseline rather than against the detector's segment means, so a few
/// outliers before the onset cannot make a small move look large, and a series that only hops between two
/// levels (a p99 between adjacent histogram buckets) has the hop as its spread.
struct RobustBaseline: Equatable {
  var median: Double
  /// Interquartile range: BARO's (FSE'24) denominator.
  var iqr: Double
  /// Robust standard deviation: the larger of MAD × 1.4826 and IQR / 1.349 (a two-level series has MAD 0).
  var scale: Double

  /// Fewer values than this make no baseline: one or two points say nothing about normal.
  static let minimumCount = 3

  /// The baseline of the finite values among `values`; nil when there are too few.
  init?<Values: Sequence>(_ values: Values) where Values.Element == Double {
    let sorted = values.filter(\.isFinite).sorted()
    guard sorted.count >= Self.minimumCount else { return nil }
    let median = Self.quantile(sorted, 0.5)
    let iqr = Self.quantile(sorted, 0.75) - Self.quantile(sorted, 0.25)
    let deviations = sorted.map { abs($0 - median) }.sorted()
    self.median = median
    self.iqr = iqr
    scale = max(Self.quantile(deviations, 0.5) * 1.4826, iqr / 1.349)
  }

  /// Linear interpolation between closest ranks (numpy's default), on sorted values.
  static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let lower = Int(position)
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }

  /// How many robust deviations `level` lies from the median; a shift smaller than `floor` (the unit's
  /// smallest meaningful move) never counts as more than noise, however flat the baseline was.
  func deviations(of level: Double, floor: Double) -> Double {
    let shift = abs(level - median)
    guard shift >= floor else { return 0 }
    // A perfectly flat baseline has no spread: measure against a third of the floor instead of dividing by 0.
    let denominator = max(scale, floor / 3, 1e-12)
    return shift / denominator
  }
}
