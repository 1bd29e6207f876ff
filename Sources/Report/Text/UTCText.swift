/// UTC times as the report prints them, from epoch milliseconds or from the document's RFC 3339 strings.
enum UTCText {
  private static let millisecondsPerDay: Int64 = 86_400_000

  /// The time of day, `HH:MM`, or `HH:MM:SS` when `seconds` is set.
  static func clock(milliseconds: Int64, seconds: Bool = false) -> String {
    let ofDay = milliseconds - floorDays(milliseconds) * millisecondsPerDay
    let totalSeconds = ofDay / 1000
    let text = twoDigits(totalSeconds / 3600) + ":" + twoDigits(totalSeconds / 60 % 60)
    return seconds ? text + ":" + twoDigits(totalSeconds % 60) : text
  }

  /// The calendar date, `YYYY-MM-DD` (proleptic Gregorian; Hinnant's `civil_from_days`).
  static func date(milliseconds: Int64) -> String {
    let days = floorDays(milliseconds) + 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return String(year) + "-" + twoDigits(month) + "-" + twoDigits(day)
  }

  /// Splits `2026-11-27T02:58:40Z` (fraction allowed) into its date and time of day; nil for anything else,
  /// which the report then prints as it came.
  static func parts(_ rfc3339: String) -> (date: Substring, clock: Substring)? {
    let bytes = Array(rfc3339.utf8)
    guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
      bytes.last == UInt8(ascii: "Z")
    else { return nil }
    let dateEnd = rfc3339.utf8.index(rfc3339.startIndex, offsetBy: 10)
    let clockStart = rfc3339.utf8.index(after: dateEnd)
    let clockEnd = rfc3339.utf8.index(before: rfc3339.endIndex)
    return (rfc3339[..<dateEnd], rfc3339[clockStart..<clockEnd])
  }

  private static func floorDays(_ milliseconds: Int64) -> Int64 {
    let days = milliseconds / millisecondsPerDay
    return milliseconds % millisecondsPerDay < 0 ? days - 1 : days
  }

  private static func twoDigits(_ value: Int64) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }
}
