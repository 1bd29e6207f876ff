/// A time as a line of text writes it, before a year or a zone is put on it: what `TimeShapes` reads.
struct WrittenTime: Equatable {
  /// Days since the epoch; nil when the text names no year (`month` and `day` then tell the date).
  var days: Int64?
  var month: Int
  var day: Int
  var secondOfDay: Int
  var millisecond: Int64
  /// Seconds east of UTC; nil when no zone is written.
  var zoneSeconds: Int?
  /// Where the text starts and the index just after it.
  var start: Int
  var end: Int

  /// The instant, in the zone written or the `localOffsetSeconds` zone, and the year from `years` when none is
  /// written; nil when a year is needed and there is none to take.
  @inline(__always)
  func resolved(localOffsetSeconds: LocalZone, years: inout YearlessDates) -> ScannedTime? {
    let days: Int64
    if let written = self.days {
      days = written
    } else {
      guard let yearless = years.days(month: month, day: day) else { return nil }
      days = Int64(yearless)
    }
    let local = days * 86_400 + Int64(secondOfDay)
    let offset = zoneSeconds ?? localOffsetSeconds.offset(forLocal: local)
    let seconds = local - Int64(offset)
    return ScannedTime(
      timestamp: Timestamp(milliseconds: seconds * 1000 + millisecond), end: end, hasZone: zoneSeconds != nil)
  }
}
