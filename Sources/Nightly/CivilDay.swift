import Formats

/// A calendar day as `YYYY-MM-DD` and days since 1970-01-01, in whatever zone the caller shifted times to.
public enum CivilDay {
  public static func days(_ text: String) -> Int64? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    return Int64(CivilCalendar.days(year: year, month: month, day: day))
  }

  public static func format(_ days: Int64) -> String {
    let date = CivilCalendar.date(days: Int(days))
    return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
  }

  /// Days since the epoch of a time in epoch milliseconds, after shifting it by `offsetSeconds`.
  public static func day(ofMilliseconds milliseconds: Int64, offsetSeconds: Int) -> Int64 {
    floorDivide(milliseconds + Int64(offsetSeconds) * 1000, 86_400_000)
  }

  /// 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
  public static func weekday(_ days: Int64) -> Int {
    Int(((days % 7) + 7 + 4) % 7)
  }

  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    value >= 0 ? value / divisor : (value - divisor + 1) / divisor
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
