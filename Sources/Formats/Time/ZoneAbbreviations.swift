/// Zone abbreviations that logs write after a time (`2025-08-13 01:45:01.127 PDT`, `Thu Jun 2 08:00:01 UTC 2022`):
/// PostgreSQL's `%t`/`%m` with `log_timezone`, `date(1)`, Java's `z`. The abbreviation names a fixed offset (PDT is
/// always −7 h; the zone that switches between PST and PDT writes whichever applies), so a table is enough.
///
/// Some abbreviations name more than one offset in the world; the row gives the reading Postmortem takes and
/// `alternatives` names the others, so that a report can say which it assumed. The reading follows the region
/// whose servers most often write it (CST: US Central, not China; IST: India, not Ireland or Israel).
enum ZoneAbbreviations {
  struct Row: Sendable {
    /// Upper-case letters, 2 to 5 of them.
    let name: StaticString
    let offsetSeconds: Int
    let meaning: StaticString
    /// Other zones that write the same letters, empty when it is unambiguous.
    let alternatives: StaticString
    /// A time as a log writes it with this abbreviation, and the UTC time it stands for.
    let example: StaticString
    let exampleUTC: StaticString
  }

  static let rows: [Row] = [
    Row(
      name: "UTC", offsetSeconds: 0, meaning: "Coordinated Universal Time", alternatives: "",
      example: "2017-09-06 08:40:10 UTC", exampleUTC: "2017-09-06T08:40:10Z"),
    Row(
      name: "GMT", offsetSeconds: 0, meaning: "Greenwich Mean Time", alternatives: "",
      example: "2017-09-06 08:40:10 GMT", exampleUTC: "2017-09-06T08:40:10Z"),
    Row(
      name: "UT", offsetSeconds: 0, meaning: "Universal Time", alternatives: "",
      example: "2017-09-06 08:40:10 UT", exampleUTC: "2017-09-06T08:40:10Z"),
    Row(
      name: "WET", offsetSeconds: 0, meaning: "Western European Time", alternatives: "",
      example: "2021-02-14 01:34:02 WET", exampleUTC: "2021-02-14T01:34:02Z"),
    Row(
      name: "WEST", offsetSeconds: 3600, meaning: "Western European Summer Time", alternatives: "",
      example: "2021-07-14 01:34:02 WEST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "BST", offsetSeconds: 3600, meaning: "British Summer Time",
      alternatives: "Bangladesh Standard Time +06",
      example: "2021-07-14 01:34:02 BST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "IST", offsetSeconds: 19800, meaning: "India Standard Time",
      alternatives: "Irish Standard Time +01, Israel Standard Time +02",
      example: "2021-02-14 05:34:02 IST", exampleUTC: "2021-02-14T00:04:02Z"),
    Row(
      name: "CET", offsetSeconds: 3600, meaning: "Central European Time", alternatives: "",
      example: "2021-02-14 01:34:02 CET", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "CEST", offsetSeconds: 7200, meaning: "Central European Summer Time", alternatives: "",
      example: "2021-07-14 02:34:02 CEST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "MET", offsetSeconds: 3600, meaning: "Middle European Time", alternatives: "",
      example: "2021-02-14 01:34:02 MET", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "MEST", offsetSeconds: 7200, meaning: "Middle European Summer Time", alternatives: "",
      example: "2021-07-14 02:34:02 MEST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "EET", offsetSeconds: 7200, meaning: "Eastern European Time", alternatives: "",
      example: "2021-02-14 02:34:02 EET", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "EEST", offsetSeconds: 10800, meaning: "Eastern European Summer Time", alternatives: "",
      example: "2021-07-14 03:34:02 EEST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "MSK", offsetSeconds: 10800, meaning: "Moscow Time", alternatives: "",
      example: "2025-06-05 17:10:04 MSK", exampleUTC: "2025-06-05T14:10:04Z"),
    Row(
      name: "EST", offsetSeconds: -18000, meaning: "US Eastern Standard Time",
      alternatives: "Australian Eastern Standard Time +10 (now written AEST)",
      example: "2021-02-13 19:34:02 EST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "EDT", offsetSeconds: -14400, meaning: "US Eastern Daylight Time", alternatives: "",
      example: "2021-07-13 20:34:02 EDT", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "CST", offsetSeconds: -21600, meaning: "US Central Standard Time",
      alternatives: "China Standard Time +08, Cuba Standard Time −05",
      example: "2021-02-13 18:34:02 CST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "CDT", offsetSeconds: -18000, meaning: "US Central Daylight Time",
      alternatives: "Cuba Daylight Time −04",
      example: "2021-07-13 19:34:02 CDT", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "MST", offsetSeconds: -25200, meaning: "US Mountain Standard Time", alternatives: "",
      example: "2021-02-13 17:34:02 MST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "MDT", offsetSeconds: -21600, meaning: "US Mountain Daylight Time", alternatives: "",
      example: "2021-07-13 18:34:02 MDT", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "PST", offsetSeconds: -28800, meaning: "US Pacific Standard Time",
      alternatives: "Philippine Standard Time +08",
      example: "2021-02-13 16:34:02 PST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "PDT", offsetSeconds: -25200, meaning: "US Pacific Daylight Time", alternatives: "",
      example: "2025-08-13 01:45:01.127 PDT", exampleUTC: "2025-08-13T08:45:01.127Z"),
    Row(
      name: "AKST", offsetSeconds: -32400, meaning: "Alaska Standard Time", alternatives: "",
      example: "2021-02-13 15:34:02 AKST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "AKDT", offsetSeconds: -28800, meaning: "Alaska Daylight Time", alternatives: "",
      example: "2021-07-13 16:34:02 AKDT", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "HST", offsetSeconds: -36000, meaning: "Hawaii Standard Time", alternatives: "",
      example: "2021-02-13 14:34:02 HST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "AST", offsetSeconds: -14400, meaning: "Atlantic Standard Time",
      alternatives: "Arabia Standard Time +03",
      example: "2021-02-13 20:34:02 AST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "ADT", offsetSeconds: -10800, meaning: "Atlantic Daylight Time", alternatives: "",
      example: "2021-07-13 21:34:02 ADT", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "NST", offsetSeconds: -12600, meaning: "Newfoundland Standard Time", alternatives: "",
      example: "2021-02-13 21:04:02 NST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "BRT", offsetSeconds: -10800, meaning: "Brasília Time", alternatives: "",
      example: "2021-02-13 21:34:02 BRT", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "JST", offsetSeconds: 32400, meaning: "Japan Standard Time", alternatives: "",
      example: "2021-02-14 09:34:02 JST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "KST", offsetSeconds: 32400, meaning: "Korea Standard Time", alternatives: "",
      example: "2021-02-14 09:34:02 KST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "HKT", offsetSeconds: 28800, meaning: "Hong Kong Time", alternatives: "",
      example: "2021-02-14 08:34:02 HKT", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "SGT", offsetSeconds: 28800, meaning: "Singapore Time", alternatives: "",
      example: "2021-02-14 08:34:02 SGT", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "AWST", offsetSeconds: 28800, meaning: "Australian Western Standard Time", alternatives: "",
      example: "2021-02-14 08:34:02 AWST", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "ACST", offsetSeconds: 34200, meaning: "Australian Central Standard Time", alternatives: "",
      example: "2021-07-14 10:04:02 ACST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "AEST", offsetSeconds: 36000, meaning: "Australian Eastern Standard Time", alternatives: "",
      example: "2021-07-14 10:34:02 AEST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "AEDT", offsetSeconds: 39600, meaning: "Australian Eastern Daylight Time", alternatives: "",
      example: "2021-02-14 11:34:02 AEDT", exampleUTC: "2021-02-14T00:34:02Z"),
    Row(
      name: "NZST", offsetSeconds: 43200, meaning: "New Zealand Standard Time", alternatives: "",
      example: "2021-07-14 12:34:02 NZST", exampleUTC: "2021-07-14T00:34:02Z"),
    Row(
      name: "NZDT", offsetSeconds: 46800, meaning: "New Zealand Daylight Time", alternatives: "",
      example: "2021-02-14 13:34:02 NZDT", exampleUTC: "2021-02-14T00:34:02Z"),
  ]

  /// The letters packed into one integer, a byte each, so that a lookup compares integers.
  private static let keys: [UInt64] = rows.map { row in
    row.name.withUTF8Buffer { name in name.reduce(0) { $0 << 8 | UInt64($1) } }
  }

  /// The row of the abbreviation spelled by `range` (upper-case letters only), nil when the table has none.
  @inline(__always)
  static func row(in line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
    guard range.count >= 2, range.count <= 5 else { return nil }
    var key: UInt64 = 0
    for index in range {
      guard ASCII.isUpperLetter(line[index]) else { return nil }
      key = key << 8 | UInt64(line[index])
    }
    return keys.firstIndex(of: key)
  }

  /// The offset of the abbreviation at `start`, which must end at a blank, a bracket, a colon or the line's
  /// end, and the index after it.
  @inline(__always)
  static func offset(in line: UnsafeRawBufferPointer, at start: Int) -> (seconds: Int, end: Int)? {
    var end = start
    while end < line.count, end - start < 6, ASCII.isUpperLetter(line[end]) { end += 1 }
    if let next = line.byte(at: end), !isDelimiter(next) { return nil }
    guard let row = row(in: line, start..<end) else { return nil }
    return (rows[row].offsetSeconds, end)
  }

  @inline(__always)
  private static func isDelimiter(_ byte: UInt8) -> Bool {
    ASCII.isBlank(byte) || byte == ASCII.closeBracket || byte == ASCII.colon || byte == 0x29
      || byte == ASCII.comma
  }
}
