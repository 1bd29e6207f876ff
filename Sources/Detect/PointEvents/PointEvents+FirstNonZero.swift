extension PointEvents {
  /// The first index at or after `start` whose value is > 0 and that follows at least `minimumZeroRun`
  /// values ≤ 0 (gaps skipped), or nil. With the default of one zero, a count present from the first point
  /// has no onset: it did not start inside the series.
  public static func firstNonZero(_ values: [Double], from start: Int = 0, minimumZeroRun: Int = 1) -> Int? {
    guard start < values.count else { return nil }
    var zeros = 0
    for index in max(start, 0)..<values.count {
      let value = values[index]
      guard value.isFinite else { continue }
      if value > 0 {
        if zeros >= minimumZeroRun { return index }
        zeros = 0
      } else {
        zeros += 1
      }
    }
    return nil
  }
}
