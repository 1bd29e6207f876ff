extension PointEvents {
  /// The first index at or after `start` from which at least `minimumLength` values in a row (gaps skipped)
  /// lie within `tolerance` of `limit`, or nil: a pool or connection count pinned at its maximum.
  ///
  /// The tolerance is symmetric because a limit is rarely exact: MySQL admits one connection past
  /// `max_connections` for an administrator, and a sampled gauge can dip one below it between scrapes.
  public static func plateau(
    _ values: [Double], limit: Double, tolerance: Double, minimumLength: Int = 3, from start: Int = 0
  ) -> Int? {
    guard start < values.count else { return nil }
    var runStart: Int?
    var runLength = 0
    for index in max(start, 0)..<values.count {
      let value = values[index]
      guard value.isFinite else { continue }
      if abs(value - limit) <= tolerance {
        if runStart == nil { runStart = index }
        runLength += 1
        if runLength >= max(minimumLength, 1) { return runStart }
      } else {
        runStart = nil
        runLength = 0
      }
    }
    return nil
  }
}
