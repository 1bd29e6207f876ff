/// A time read from a line: the instant, the index just after its text, and whether the text named its zone.
struct ScannedTime: Equatable {
  var timestamp: Timestamp
  var end: Int
  var hasZone: Bool
}

/// Reads the time stamps of the supported formats straight from a line's bytes (≈ 30 ns each, no allocation;
/// Foundation's formatters are 20–2000× slower, see SWIFT-NOTES.md).
///
/// Times written without a zone are taken in the `localOffsetSeconds` zone (`--tz`); the result says so, so that the
/// parser can report the assumption.
enum TimestampScanner {
  /// `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-ddTHH:mm:ss`, an optional fraction after `.` or `,` (any number of digits,
  /// read to the millisecond), then an optional zone: `Z` or `±hh:mm`, `±hhmm`, `±hh`.
  static func dateTime(
    in line: UnsafeRawBufferPointer, at start: Int, localOffsetSeconds: LocalZone
  ) -> ScannedTime? {
    guard let minute = minute(in: line, at: start) else { return nil }
    return dateTime(in: line, at: start, minute: minute, localOffsetSeconds: localOffsetSeconds)
  }

  /// `yyyy-MM-dd HH:mm` (or with `T`) at `start`, checked, as seconds since the epoch in the time's own zone.
  static func minute(in line: UnsafeRawBufferPointer, at start: Int) -> Int64? {
    guard let day = day(in: line, at: start), let separator = line.byte(at: start + 10),
      separator == ASCII.space || separator == 0x54 || separator == 0x74,  // ' ', 'T', 't'
      let hour = line.fixedDigits(at: start + 11, width: 2), line.byte(at: start + 13) == ASCII.colon,
      let minute = line.fixedDigits(at: start + 14, width: 2), hour < 24, minute < 60
    else { return nil }
    return day * 86_400 + Int64(hour * 3600 + minute * 60)
  }

  /// Go's `log` and nginx's error log: `yyyy/MM/dd HH:mm:ss`, then an optional fraction and zone as in
  /// `dateTime`.
  static func slashedDateTime(
    in line: UnsafeRawBufferPointer, at start: Int, localOffsetSeconds: LocalZone
  ) -> ScannedTime? {
    guard let day = day(in: line, at: start, separator: ASCII.slash),
      line.byte(at: start + 10) == ASCII.space,
      let hour = line.fixedDigits(at: start + 11, width: 2), line.byte(at: start + 13) == ASCII.colon,
      let minute = line.fixedDigits(at: start + 14, width: 2), hour < 24, minute < 60
    else { return nil }
    let minutes = day * 86_400 + Int64(hour * 3600 + minute * 60)
    return dateTime(in: line, at: start, minute: minutes, localOffsetSeconds: localOffsetSeconds)
  }

  /// `yyyy-MM-dd` (or with another `separator`) at `start`, checked, as days since the epoch.
  static func day(in line: UnsafeRawBufferPointer, at start: Int, separator: UInt8 = ASCII.minus) -> Int64? {
    guard let year = line.fixedDigits(at: start, width: 4), line.byte(at: start + 4) == separator,
      let month = line.fixedDigits(at: start + 5, width: 2), line.byte(at: start + 7) == separator,
      let day = line.fixedDigits(at: start + 8, width: 2),
      isValid(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
    else { return nil }
    return Int64(CivilCalendar.days(year: year, month: month, day: day))
  }

  /// The rest of a `dateTime` whose first 16 bytes (`yyyy-MM-ddTHH:mm`) came to `minute`: `:ss`, the
  /// fraction, the zone.
  @inline(__always)
  static func dateTime(
    in line: UnsafeRawBufferPointer, at start: Int, minute: Int64, localOffsetSeconds: LocalZone
  ) -> ScannedTime? {
    guard line.byte(at: start + 16) == ASCII.colon, let second = line.fixedDigits(at: start + 17, width: 2),
      second <= 60
    else { return nil }
    var index = start + 19
    var millisecond: Int64 = 0
    if let mark = line.byte(at: index), mark == ASCII.dot || mark == ASCII.comma,
      let first = line.byte(at: index + 1), ASCII.isDigit(first)
    {
      (millisecond, index) = milliseconds(in: line, from: index + 1, to: line.count)
    }
    guard let zone = zoneOffset(in: line, at: index) else { return nil }
    let offset = zone.seconds ?? localOffsetSeconds.offset(forLocal: minute + Int64(second))
    let seconds = minute + Int64(second - offset)
    return ScannedTime(
      timestamp: Timestamp(milliseconds: seconds * 1000 + millisecond), end: zone.end,
      hasZone: zone.seconds != nil)
  }

  /// The BSD syslog (RFC 3164) time `Nov 27 03:00:01`, the day padded with a blank (`Jul  1`), which names no
  /// year: the month, the day, the seconds into the day and the index after the text.
  static func monthDayTime(
    in line: UnsafeRawBufferPointer, at start: Int
  ) -> (month: Int, day: Int, seconds: Int, end: Int)? {
    guard let month = monthNumber(in: line, at: start), line.byte(at: start + 3) == ASCII.space else {
      return nil
    }
    var index = start + 4
    if line.byte(at: index) == ASCII.space { index += 1 }
    guard let first = line.byte(at: index), ASCII.isDigit(first) else { return nil }
    var day = Int(first - ASCII.zero)
    index += 1
    if let second = line.byte(at: index), ASCII.isDigit(second) {
      day = day * 10 + Int(second - ASCII.zero)
      index += 1
    }
    guard line.byte(at: index) == ASCII.space, let hour = line.fixedDigits(at: index + 1, width: 2),
      line.byte(at: index + 3) == ASCII.colon, let minute = line.fixedDigits(at: index + 4, width: 2),
      line.byte(at: index + 6) == ASCII.colon, let second = line.fixedDigits(at: index + 7, width: 2),
      day >= 1, day <= 31, hour < 24, minute < 60, second <= 60
    else { return nil }
    return (month, day, hour * 3600 + minute * 60 + second, index + 9)
  }

  /// The common log format's `$time_local` (nginx, Apache): `27/Nov/2026:03:00:01 +0000`.
  static func commonLog(in line: UnsafeRawBufferPointer, at start: Int) -> ScannedTime? {
    guard let day = line.fixedDigits(at: start, width: 2), line.byte(at: start + 2) == ASCII.slash,
      let month = monthNumber(in: line, at: start + 3), line.byte(at: start + 6) == ASCII.slash,
      let year = line.fixedDigits(at: start + 7, width: 4), line.byte(at: start + 11) == ASCII.colon,
      let hour = line.fixedDigits(at: start + 12, width: 2), line.byte(at: start + 14) == ASCII.colon,
      let minute = line.fixedDigits(at: start + 15, width: 2), line.byte(at: start + 17) == ASCII.colon,
      let second = line.fixedDigits(at: start + 18, width: 2), line.byte(at: start + 20) == ASCII.space,
      let sign = line.byte(at: start + 21), sign == ASCII.plus || sign == ASCII.minus,
      let zoneHours = line.fixedDigits(at: start + 22, width: 2),
      let zoneMinutes = line.fixedDigits(at: start + 24, width: 2), zoneHours < 24, zoneMinutes < 60,
      isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    else { return nil }
    let offset = (sign == ASCII.minus ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60)
    let days = CivilCalendar.days(year: year, month: month, day: day)
    let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    return ScannedTime(timestamp: Timestamp(milliseconds: seconds * 1000), end: start + 26, hasZone: true)
  }

  /// An epoch number (`1764649283652`, `1700226034.330`, `"1569266497240578000"`) whose unit is told by its
  /// size: up to 11 integer digits are seconds (the year 5138 in seconds is still 11 digits), 12–14 are
  /// milliseconds, 15–17 microseconds, 18–19 nanoseconds. `range` must hold the number and nothing else.
  static func epoch(in line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Timestamp? {
    var index = range.lowerBound
    var whole: Int64 = 0
    while index < range.upperBound, ASCII.isDigit(line[index]) {
      let (shifted, overflow) = whole.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      whole = shifted + Int64(line[index] - ASCII.zero)
      index += 1
    }
    let digits = index - range.lowerBound
    guard digits > 0 else { return nil }
    var millisecond: Int64 = 0
    if index < range.upperBound {
      guard line[index] == ASCII.dot, digits <= 11 else { return nil }
      (millisecond, index) = milliseconds(in: line, from: index + 1, to: range.upperBound)
      guard index == range.upperBound else { return nil }
    }
    switch digits {
    case ...11: return Timestamp(milliseconds: whole * 1000 + millisecond)
    case 12...14: return Timestamp(milliseconds: whole)
    case 15...17: return Timestamp(milliseconds: whole / 1000)
    default: return Timestamp(milliseconds: whole / 1_000_000)
    }
  }

  /// Reads a zone at `index`: `Z`, `±hh:mm`, `±hhmm` or `±hh`; `seconds` is nil when there is none. Returns nil
  /// when a sign starts something that is not a valid offset.
  @inline(__always)
  static func zoneOffset(
    in line: UnsafeRawBufferPointer, at index: Int
  ) -> (seconds: Int?, end: Int)? {
    guard let mark = line.byte(at: index) else { return (nil, index) }
    if mark == 0x5A || mark == 0x7A { return (0, index + 1) }  // 'Z', 'z'
    guard mark == ASCII.plus || mark == ASCII.minus else { return (nil, index) }
    guard let hours = line.fixedDigits(at: index + 1, width: 2), hours < 24 else { return nil }
    var end = index + 3
    var minutes = 0
    if line.byte(at: end) == ASCII.colon {
      guard let value = line.fixedDigits(at: end + 1, width: 2) else { return nil }
      minutes = value
      end += 3
    } else if let value = line.fixedDigits(at: end, width: 2) {
      minutes = value
      end += 2
    }
    guard minutes < 60 else { return nil }
    let seconds = hours * 3600 + minutes * 60
    return (mark == ASCII.minus ? -seconds : seconds, end)
  }

  /// `Jan`…`Dec` in any case, packed into one integer so the match is a single switch.
  @inline(__always)
  static func monthNumber(in line: UnsafeRawBufferPointer, at index: Int) -> Int? {
    guard index + 3 <= line.count else { return nil }
    let packed =
      UInt32(ASCII.lowercased(line[index])) << 16 | UInt32(ASCII.lowercased(line[index + 1])) << 8
      | UInt32(ASCII.lowercased(line[index + 2]))
    switch packed {
    case 0x6A_616E: return 1  // jan
    case 0x66_6562: return 2  // feb
    case 0x6D_6172: return 3  // mar
    case 0x61_7072: return 4  // apr
    case 0x6D_6179: return 5  // may
    case 0x6A_756E: return 6  // jun
    case 0x6A_756C: return 7  // jul
    case 0x61_7567: return 8  // aug
    case 0x73_6570: return 9  // sep
    case 0x6F_6374: return 10  // oct
    case 0x6E_6F76: return 11  // nov
    case 0x64_6563: return 12  // dec
    default: return nil
    }
  }

  /// The digits of a fraction of a second starting at `start`, read to the millisecond (`5` is 500 ms, `123456`
  /// is 123 ms), and the index after them.
  @inline(__always)
  static func milliseconds(
    in line: UnsafeRawBufferPointer, from start: Int, to end: Int
  ) -> (value: Int64, end: Int) {
    var index = start
    var value: Int64 = 0
    var digits = 0
    while index < end, ASCII.isDigit(line[index]) {
      if digits < 3 { value = value * 10 + Int64(line[index] - ASCII.zero) }
      digits += 1
      index += 1
    }
    for _ in digits..<max(digits, 3) { value *= 10 }
    return (value, index)
  }

  /// Field ranges; a second of 60 is a leap second, which UTC allows.
  @inline(__always)
  private static func isValid(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
    month >= 1 && month <= 12 && day >= 1 && day <= CivilCalendar.daysIn(month: month, year: year)
      && hour < 24 && minute < 60 && second <= 60
  }
}
