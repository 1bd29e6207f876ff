/// Reads a time stamp in any `TimeShape` straight from a line's bytes, and finds the first one near a line's
/// start: the time of a plain-text log line may follow a level (`[DEBUG 2015-05-20 12:22:19 main]`), a wrapper
/// (`INFO   | jvm 1    | 2015/04/28 18:40:00 | …`) or a logger (`(sqlalchemy.pool.QueuePool): 2021-04-28 …`).
///
/// The shape is told by the first bytes (how many digits, what follows them), so a line is tried against one or
/// two shapes at each place a time could start, never all of them.
enum TimeShapes {
  /// How far into a line a time may start: past a level, a logger or a wrapper's columns, not into a message.
  static let window = 100

  /// The first time that starts within `window` bytes, at the line's start or after a delimiter (a blank, a
  /// bracket, a bar, a colon, a quote) or a level letter (glog's `E0517`).
  @inline(__always)
  static func find(in line: UnsafeRawBufferPointer, from first: Int = 0) -> (
    time: WrittenTime, shape: TimeShape
  )? {
    let limit = min(line.count, first + window)
    var index = first
    while index < limit {
      let byte = line[index]
      if ASCII.isDigit(byte) || ASCII.isLetter(byte) {
        if index == first || opens(line[index - 1])
          || (index == first + 1 && ASCII.isUpperLetter(line[first]))
        {
          if let found = read(line, at: index), stands(found, in: line, from: first) { return found }
        }
        // glog's `E0517 …`: the time right after a level letter.
        if index == first, ASCII.isUpperLetter(byte) {
          index += 1
          continue
        }
        // Skip to the end of this word: a time starts a word.
        index += 1
        while index < limit, ASCII.isDigit(line[index]) || ASCII.isLetter(line[index]) { index += 1 }
      } else {
        index += 1
      }
    }
    return nil
  }

  /// The time that starts exactly at `start`, in whichever shape its first bytes tell.
  @inline(__always)
  static func read(_ line: UnsafeRawBufferPointer, at start: Int) -> (time: WrittenTime, shape: TimeShape)? {
    guard let first = line.byte(at: start) else { return nil }
    if ASCII.isLetter(first) { return named(line, at: start) }
    guard ASCII.isDigit(first) else { return nil }
    var end = start + 1
    while end < line.count, end - start < 12, ASCII.isDigit(line[end]) { end += 1 }
    guard let separator = line.byte(at: end) else { return nil }
    switch (end - start, separator) {
    case (4, ASCII.minus): return yearFirst(line, at: start, separator: ASCII.minus).map { ($0, .iso) }
    case (4, ASCII.slash): return yearFirst(line, at: start, separator: ASCII.slash).map { ($0, .slashed) }
    case (8, ASCII.space): return compact(line, at: start).map { ($0, .compact) }
    case (2, ASCII.slash): return dayOrMonthFirst(line, at: start)
    case (2, ASCII.space): return dayMonthName(line, at: start).map { ($0, .dayMonthName) }
    case (2, ASCII.minus), (2, ASCII.dot): return monthDay(line, at: start).map { ($0, .monthDay) }
    case (6, ASCII.space): return shortCompact(line, at: start).map { ($0, .shortCompact) }
    case (4, ASCII.space): return glog(line, at: start).map { ($0, .glog) }
    case (10, ASCII.dot): return epochFraction(line, at: start).map { ($0, .epochFraction) }
    default: return nil
    }
  }

  /// Whether a time found after the line's start stamps the line rather than being mentioned in it: one opened
  /// by `[` or `(` is closed later in the line, and one after a lower-case word (`… it broke on 2026-11-27 …`)
  /// is prose unless it is `date(1)`'s stamp, which programs print in their banners (`… dump at Thu Jun 2
  /// 08:00:01 UTC 2022`).
  @inline(__always)
  private static func stands(
    _ found: (time: WrittenTime, shape: TimeShape), in line: UnsafeRawBufferPointer, from first: Int
  ) -> Bool {
    let start = found.time.start
    guard start > first else { return true }
    switch line[start - 1] {
    case ASCII.openBracket: return line.index(of: ASCII.closeBracket, from: found.time.end) != nil
    case 0x28: return line.index(of: 0x29, from: found.time.end) != nil
    case ASCII.space:
      guard found.shape != .weekday else { return true }
      var wordStart = start - 1
      while wordStart > first, ASCII.isLowerLetter(line[wordStart - 1]) { wordStart -= 1 }
      let isWord = wordStart < start - 1 && (wordStart == first || ASCII.isBlank(line[wordStart - 1]))
      return !isWord
    default: return true
    }
  }

  @inline(__always)
  private static func opens(_ byte: UInt8) -> Bool {
    switch byte {
    case ASCII.space, ASCII.tab, ASCII.openBracket, 0x28, 0x7C, ASCII.quote, ASCII.colon, 0x3C, ASCII.equals,
      ASCII.comma, ASCII.plus:
      true
    default: false
    }
  }

  // MARK: Shapes that start with digits

  /// `yyyy-MM-dd[T ]HH:mm:ss…` or `yyyy/MM/dd HH:mm:ss…`; SSSD pads a one-digit hour with a blank.
  private static func yearFirst(_ line: UnsafeRawBufferPointer, at start: Int, separator: UInt8)
    -> WrittenTime?
  {
    guard let year = line.fixedDigits(at: start, width: 4),
      let month = line.fixedDigits(at: start + 5, width: 2),
      line.byte(at: start + 7) == separator, let day = line.fixedDigits(at: start + 8, width: 2),
      let mark = line.byte(at: start + 10)
    else { return nil }
    var index = start + 11
    if mark == ASCII.space {
      if line.byte(at: index) == ASCII.space { index += 1 }
    } else if !(separator == ASCII.minus && (mark == 0x54 || mark == 0x74)) {  // 'T', 't'
      return nil
    }
    return dated(line, start: start, year: year, month: month, day: day, clockAt: index)
  }

  /// `yyyyMMdd HH:mm:ss…`.
  private static func compact(_ line: UnsafeRawBufferPointer, at start: Int) -> WrittenTime? {
    guard let year = line.fixedDigits(at: start, width: 4),
      let month = line.fixedDigits(at: start + 4, width: 2),
      let day = line.fixedDigits(at: start + 6, width: 2)
    else { return nil }
    return dated(line, start: start, year: year, month: month, day: day, clockAt: start + 9)
  }

  /// `dd/MMM/yyyy:HH:mm:ss…` (or a blank before the hour), `MM/dd/yyyy hh:mm:ss…` or `yy/MM/dd HH:mm:ss…`.
  private static func dayOrMonthFirst(
    _ line: UnsafeRawBufferPointer, at start: Int
  ) -> (time: WrittenTime, shape: TimeShape)? {
    guard let first = line.fixedDigits(at: start, width: 2) else { return nil }
    if let month = TimestampScanner.monthNumber(in: line, at: start + 3) {
      guard line.byte(at: start + 6) == ASCII.slash, let year = line.fixedDigits(at: start + 7, width: 4),
        let mark = line.byte(at: start + 11), mark == ASCII.colon || mark == ASCII.space
      else { return nil }
      return dated(line, start: start, year: year, month: month, day: first, clockAt: start + 12).map {
        ($0, .commonLog)
      }
    }
    guard let second = line.fixedDigits(at: start + 3, width: 2), line.byte(at: start + 5) == ASCII.slash
    else {
      return nil
    }
    if let year = line.fixedDigits(at: start + 6, width: 4), line.byte(at: start + 10) == ASCII.space {
      return dated(line, start: start, year: year, month: first, day: second, clockAt: start + 11).map {
        ($0, .usDate)
      }
    }
    guard let day = line.fixedDigits(at: start + 6, width: 2), line.byte(at: start + 8) == ASCII.space else {
      return nil
    }
    return dated(line, start: start, year: century(first), month: second, day: day, clockAt: start + 9).map {
      ($0, .shortSlashed)
    }
  }

  /// Redis: `dd MMM yyyy HH:mm:ss.SSS` or, before 3.0, `dd MMM HH:mm:ss.SSS`.
  private static func dayMonthName(_ line: UnsafeRawBufferPointer, at start: Int) -> WrittenTime? {
    guard let day = line.fixedDigits(at: start, width: 2),
      let month = TimestampScanner.monthNumber(in: line, at: start + 3),
      line.byte(at: start + 6) == ASCII.space
    else { return nil }
    if let year = line.fixedDigits(at: start + 7, width: 4), line.byte(at: start + 11) == ASCII.space {
      return dated(line, start: start, year: year, month: month, day: day, clockAt: start + 12)
    }
    return yearless(line, start: start, month: month, day: day, clockAt: start + 7)
  }

  /// `MM-dd HH:mm:ss.SSS` (logcat) or `MM.dd HH:mm:ss` (Proxifier).
  private static func monthDay(_ line: UnsafeRawBufferPointer, at start: Int) -> WrittenTime? {
    guard let month = line.fixedDigits(at: start, width: 2),
      let day = line.fixedDigits(at: start + 3, width: 2),
      line.byte(at: start + 5) == ASCII.space
    else { return nil }
    return yearless(line, start: start, month: month, day: day, clockAt: start + 6)
  }

  /// `yyMMdd HH:mm:ss` or `yyMMdd HHmmss`.
  private static func shortCompact(_ line: UnsafeRawBufferPointer, at start: Int) -> WrittenTime? {
    guard let year = line.fixedDigits(at: start, width: 2),
      let month = line.fixedDigits(at: start + 2, width: 2),
      let day = line.fixedDigits(at: start + 4, width: 2)
    else { return nil }
    if line.byte(at: start + 9) == ASCII.colon {
      return dated(line, start: start, year: century(year), month: month, day: day, clockAt: start + 7)
    }
    guard let hour = line.fixedDigits(at: start + 7, width: 2),
      let minute = line.fixedDigits(at: start + 9, width: 2),
      let second = line.fixedDigits(at: start + 11, width: 2), endsWord(line, at: start + 13),
      isValid(year: century(year), month: month, day: day), hour < 24, minute < 60, second <= 60
    else { return nil }
    return WrittenTime(
      days: Int64(CivilCalendar.days(year: century(year), month: month, day: day)), month: month, day: day,
      secondOfDay: hour * 3600 + minute * 60 + second, millisecond: 0, zoneSeconds: nil, start: start,
      end: start + 13)
  }

  /// glog's `MMdd HH:mm:ss.SSSSSS`; the fraction is required, four digits and a clock being too common otherwise.
  private static func glog(_ line: UnsafeRawBufferPointer, at start: Int) -> WrittenTime? {
    guard let month = line.fixedDigits(at: start, width: 2),
      let day = line.fixedDigits(at: start + 2, width: 2),
      line.byte(at: start + 13) == ASCII.dot
    else { return nil }
    return yearless(line, start: start, month: month, day: day, clockAt: start + 5)
  }

  /// `1695668091.895450`: ten digits of seconds (2001–2286) and at least three of fraction.
  private static func epochFraction(_ line: UnsafeRawBufferPointer, at start: Int) -> WrittenTime? {
    var end = start + 11
    while end < line.count, ASCII.isDigit(line[end]) { end += 1 }
    guard end - start >= 14, endsWord(line, at: end),
      let stamp = TimestampScanner.epoch(in: line, start..<end)
    else { return nil }
    let (days, millisecondOfDay) = stamp.milliseconds.floorDivided(by: 86_400_000)
    let date = CivilCalendar.date(days: Int(days))
    return WrittenTime(
      days: days, month: date.month, day: date.day, secondOfDay: Int(millisecondOfDay / 1000),
      millisecond: millisecondOfDay % 1000, zoneSeconds: 0, start: start, end: end)
  }

  // MARK: Shapes that start with names

  /// `EEE MMM d HH:mm:ss[.SSS] [zone] yyyy`, `MMM d HH:mm:ss[.SSS]` or `MMM-dd HH:mm:ss.SSS`.
  private static func named(
    _ line: UnsafeRawBufferPointer, at start: Int
  ) -> (time: WrittenTime, shape: TimeShape)? {
    if let month = TimestampScanner.monthNumber(in: line, at: start) {
      guard let mark = line.byte(at: start + 3), mark == ASCII.space || mark == ASCII.minus else {
        return nil
      }
      guard let (day, clockAt) = dayOfMonth(line, at: start + 4) else { return nil }
      return yearless(line, start: start, month: month, day: day, clockAt: clockAt).map { ($0, .monthName) }
    }
    guard isWeekday(line, at: start), line.byte(at: start + 3) == ASCII.space,
      let month = TimestampScanner.monthNumber(in: line, at: start + 4),
      line.byte(at: start + 7) == ASCII.space,
      let (day, clockAt) = dayOfMonth(line, at: start + 8), let clock = clock(line, at: clockAt)
    else { return nil }
    var index = clock.end
    var zone: Int?
    if line.byte(at: index) == ASCII.space, let written = zoneAfterBlank(line, at: index + 1) {
      zone = written.seconds
      index = written.end
    }
    guard line.byte(at: index) == ASCII.space, let year = line.fixedDigits(at: index + 1, width: 4),
      endsWord(line, at: index + 5), isValid(year: year, month: month, day: day)
    else { return nil }
    let time = WrittenTime(
      days: Int64(CivilCalendar.days(year: year, month: month, day: day)), month: month, day: day,
      secondOfDay: clock.seconds, millisecond: clock.millisecond, zoneSeconds: zone, start: start,
      end: index + 5)
    return (time, .weekday)
  }

  /// A day of one or two digits, padded with a blank or not, then a blank: the day and where the clock starts.
  @inline(__always)
  private static func dayOfMonth(_ line: UnsafeRawBufferPointer, at start: Int) -> (Int, Int)? {
    var index = start
    if line.byte(at: index) == ASCII.space { index += 1 }
    guard let first = line.byte(at: index), ASCII.isDigit(first) else { return nil }
    var day = Int(first - ASCII.zero)
    index += 1
    if let second = line.byte(at: index), ASCII.isDigit(second) {
      day = day * 10 + Int(second - ASCII.zero)
      index += 1
    }
    guard line.byte(at: index) == ASCII.space, day >= 1, day <= 31 else { return nil }
    return (day, index + 1)
  }

  @inline(__always)
  private static func isWeekday(_ line: UnsafeRawBufferPointer, at index: Int) -> Bool {
    guard index + 3 <= line.count else { return false }
    let packed =
      UInt32(ASCII.lowercased(line[index])) << 16 | UInt32(ASCII.lowercased(line[index + 1])) << 8
      | UInt32(ASCII.lowercased(line[index + 2]))
    switch packed {
    case 0x6D_6F6E, 0x74_7565, 0x77_6564, 0x74_6875, 0x66_7269, 0x73_6174, 0x73_756E: return true  // mon…sun
    default: return false
    }
  }

  // MARK: The clock and the zone

  /// A date with a year, checked, and the clock and zone after it.
  @inline(__always)
  private static func dated(
    _ line: UnsafeRawBufferPointer, start: Int, year: Int, month: Int, day: Int, clockAt: Int
  ) -> WrittenTime? {
    guard isValid(year: year, month: month, day: day), let clock = clock(line, at: clockAt) else {
      return nil
    }
    let zone = zone(line, at: clock.end, hour: clock.seconds / 3600)
    guard endsWord(line, at: zone.end) else { return nil }
    return WrittenTime(
      days: Int64(CivilCalendar.days(year: year, month: month, day: day)), month: month, day: day,
      secondOfDay: clock.seconds + zone.hourShift * 3600, millisecond: clock.millisecond,
      zoneSeconds: zone.seconds,
      start: start, end: zone.end)
  }

  /// A date without a year, checked as far as it can be, and the clock and zone after it.
  @inline(__always)
  private static func yearless(
    _ line: UnsafeRawBufferPointer, start: Int, month: Int, day: Int, clockAt: Int
  ) -> WrittenTime? {
    guard month >= 1, month <= 12, day >= 1, day <= CivilCalendar.daysIn(month: month, year: 2000),
      let clock = clock(line, at: clockAt)
    else { return nil }
    let zone = zone(line, at: clock.end, hour: clock.seconds / 3600)
    guard endsWord(line, at: zone.end) else { return nil }
    return WrittenTime(
      days: nil, month: month, day: day, secondOfDay: clock.seconds + zone.hourShift * 3600,
      millisecond: clock.millisecond, zoneSeconds: zone.seconds, start: start, end: zone.end)
  }

  /// `H:mm:ss` or `HH:mm:ss`, then a fraction after `.` or `,`, or after `:` when three or more digits follow
  /// (`19:46:43:259`).
  @inline(__always)
  static func clock(
    _ line: UnsafeRawBufferPointer, at start: Int
  ) -> (seconds: Int, millisecond: Int64, end: Int)? {
    guard let first = line.byte(at: start), ASCII.isDigit(first) else { return nil }
    var index = start + 1
    var hour = Int(first - ASCII.zero)
    if let second = line.byte(at: index), ASCII.isDigit(second) {
      hour = hour * 10 + Int(second - ASCII.zero)
      index += 1
    }
    guard line.byte(at: index) == ASCII.colon, let minute = line.fixedDigits(at: index + 1, width: 2),
      line.byte(at: index + 3) == ASCII.colon, let second = line.fixedDigits(at: index + 4, width: 2),
      hour < 24, minute < 60, second <= 60
    else { return nil }
    index += 6
    var millisecond: Int64 = 0
    if let mark = line.byte(at: index), let digit = line.byte(at: index + 1), ASCII.isDigit(digit),
      mark == ASCII.dot || mark == ASCII.comma
        || (mark == ASCII.colon && line.fixedDigits(at: index + 1, width: 3) != nil)
    {
      (millisecond, index) = TimestampScanner.milliseconds(in: line, from: index + 1, to: line.count)
    }
    return (hour * 3600 + minute * 60 + second, millisecond, index)
  }

  /// The zone after a clock: attached (`Z`, `+02:00`, `-0700`), or after a blank (`-0700`, `-05:00`, `PDT`),
  /// possibly after a 12-hour clock's ` AM`/` PM` (whose hour shift is returned); no zone leaves `end` as it was.
  @inline(__always)
  private static func zone(
    _ line: UnsafeRawBufferPointer, at start: Int, hour: Int
  ) -> (seconds: Int?, hourShift: Int, end: Int) {
    guard let mark = line.byte(at: start) else { return (nil, 0, start) }
    if mark != ASCII.space {
      guard let attached = TimestampScanner.zoneOffset(in: line, at: start), attached.seconds != nil else {
        return (nil, 0, start)
      }
      return (attached.seconds, 0, attached.end)
    }
    var index = start
    var shift = 0
    if let meridiem = line.byte(at: index + 1), meridiem == 0x41 || meridiem == 0x50,  // 'A', 'P'
      line.byte(at: index + 2) == 0x4D, endsWord(line, at: index + 3), hour >= 1, hour <= 12  // 'M'
    {
      shift = (meridiem == 0x50 ? 12 : 0) - (hour == 12 ? 12 : 0)
      index += 3
    }
    if line.byte(at: index) == ASCII.space, let written = zoneAfterBlank(line, at: index + 1) {
      return (written.seconds, shift, written.end)
    }
    return (nil, shift, index)
  }

  /// `±hhmm`, `±hh:mm` or an abbreviation from `ZoneAbbreviations` at `start`, ending its word.
  @inline(__always)
  private static func zoneAfterBlank(_ line: UnsafeRawBufferPointer, at start: Int) -> (
    seconds: Int, end: Int
  )? {
    guard let mark = line.byte(at: start) else { return nil }
    if mark == ASCII.plus || mark == ASCII.minus {
      guard let hours = line.fixedDigits(at: start + 1, width: 2), hours < 24 else { return nil }
      var end = start + 3
      if line.byte(at: end) == ASCII.colon { end += 1 }
      guard let minutes = line.fixedDigits(at: end, width: 2), minutes < 60, endsWord(line, at: end + 2)
      else {
        return nil
      }
      let seconds = hours * 3600 + minutes * 60
      return (mark == ASCII.minus ? -seconds : seconds, end + 2)
    }
    guard ASCII.isUpperLetter(mark) else { return nil }
    return ZoneAbbreviations.offset(in: line, at: start)
  }

  // MARK: Checks

  /// Whether a word ends at `index`: the line's end or anything but a letter or a digit.
  @inline(__always)
  static func endsWord(_ line: UnsafeRawBufferPointer, at index: Int) -> Bool {
    guard let byte = line.byte(at: index) else { return true }
    return !ASCII.isDigit(byte) && !ASCII.isLetter(byte)
  }

  @inline(__always)
  private static func isValid(year: Int, month: Int, day: Int) -> Bool {
    month >= 1 && month <= 12 && day >= 1 && day <= CivilCalendar.daysIn(month: month, year: year)
  }

  /// Two-digit years: 70–99 are the 1900s, the rest the 2000s (as POSIX `strptime`'s `%y`).
  @inline(__always)
  private static func century(_ year: Int) -> Int { year < 70 ? 2000 + year : 1900 + year }
}
