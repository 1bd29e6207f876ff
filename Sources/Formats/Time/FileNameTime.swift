/// The capture time written into a snapshot file's name, in the forms capture scripts use:
/// pt-stalk's `2026_11_29_02_15_13-processlist`, ISO 8601 basic and extended (`20261129T021513Z`,
/// `2026-11-29T02:15:13Z`, `2026-11-29T02:15:13+01:00`), `2026-11-29_02-15-13`, `20261129-021513`, and epoch
/// seconds (ten digits). A name without a zone is read in `--tz`.
///
/// A name that could mean two times is reported, never guessed: two different stamps in one name, a date whose
/// day and month could swap (`11-29-2026`, `03-04-2026`), or a date with no time of day.
enum FileNameTime {
  enum Reading: Equatable {
    case time(Timestamp, hasZone: Bool)
    case ambiguous(reason: String)
    case none
  }

  static func read(path: String, utcOffsetSeconds: LocalZone) -> Reading {
    let name = Array(path.utf8.split(separator: ASCII.slash, omittingEmptySubsequences: false).last ?? [])
    return name.withUnsafeBytes { read(name: $0, utcOffsetSeconds: utcOffsetSeconds) }
  }

  private static func read(name: UnsafeRawBufferPointer, utcOffsetSeconds: LocalZone) -> Reading {
    var found: [(time: Timestamp, hasZone: Bool)] = []
    var index = 0
    while index < name.count {
      guard ASCII.isDigit(name[index]), index == 0 || !ASCII.isDigit(name[index - 1]) else {
        index += 1
        continue
      }
      var run = index
      while run < name.count, ASCII.isDigit(name[run]) { run += 1 }
      if let stamp = stamp(name, at: index, utcOffsetSeconds: utcOffsetSeconds) {
        found.append((stamp.time, stamp.hasZone))
        index = stamp.end
        continue
      }
      if let reason = ambiguity(name, at: index, run: run) { return .ambiguous(reason: reason) }
      if run - index == 10, let seconds = name.fixedDigits(at: index, width: 10), seconds >= 1_000_000_000 {
        found.append((Timestamp(milliseconds: Int64(seconds) * 1000), true))
      }
      index = run
    }
    guard let first = found.first else { return .none }
    if found.contains(where: { $0.time != first.time }) {
      return .ambiguous(reason: "the file name holds \(found.count) different times")
    }
    return .time(first.time, hasZone: first.hasZone)
  }

  /// A date and time starting at `start` in one of the forms read, with the index after it.
  private static func stamp(_ name: UnsafeRawBufferPointer, at start: Int, utcOffsetSeconds: LocalZone) -> (
    time: Timestamp, hasZone: Bool, end: Int
  )? {
    guard let year = name.fixedDigits(at: start, width: 4) else { return nil }
    let separator = name.byte(at: start + 4)
    var fields: (month: Int, day: Int, hour: Int, minute: Int, second: Int)
    var end: Int
    if separator == ASCII.underscore || separator == ASCII.minus {
      // `2026_11_29_02_15_13`, `2026-11-29_02-15-13`, `2026-11-29T02:15:13`.
      guard let month = name.fixedDigits(at: start + 5, width: 2), name.byte(at: start + 7) == separator,
        let day = name.fixedDigits(at: start + 8, width: 2), let middle = name.byte(at: start + 10),
        middle == ASCII.underscore || middle == 0x54 || middle == 0x74,
        let hour = name.fixedDigits(at: start + 11, width: 2), let timeSeparator = name.byte(at: start + 13),
        timeSeparator == ASCII.underscore || timeSeparator == ASCII.minus || timeSeparator == ASCII.colon,
        let minute = name.fixedDigits(at: start + 14, width: 2), name.byte(at: start + 16) == timeSeparator,
        let second = name.fixedDigits(at: start + 17, width: 2)
      else { return nil }
      fields = (month, day, hour, minute, second)
      end = start + 19
    } else if let compact = name.fixedDigits(at: start + 4, width: 4), let middle = name.byte(at: start + 8),
      middle == 0x54 || middle == 0x74 || middle == ASCII.minus,
      let clock = name.fixedDigits(at: start + 9, width: 6)
    {
      // `20261129T021513`, `20261129-021513`.
      fields = (compact / 100, compact % 100, clock / 10000, clock / 100 % 100, clock % 100)
      end = start + 15
      if let after = name.byte(at: end), ASCII.isDigit(after) { return nil }
    } else {
      return nil
    }
    guard
      CaptureCalendar.isValid(
        year: year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute,
        second: fields.second)
    else { return nil }
    var offset: Int?
    if name.byte(at: end) == 0x5A || name.byte(at: end) == 0x7A {
      offset = 0
      end += 1
    } else if let sign = name.byte(at: end),
      sign == ASCII.plus || (sign == ASCII.minus && separator != ASCII.minus),
      let hours = name.fixedDigits(at: end + 1, width: 2), hours < 24
    {
      var minutes = 0
      var after = end + 3
      if name.byte(at: after) == ASCII.colon, let value = name.fixedDigits(at: after + 1, width: 2) {
        minutes = value
        after += 3
      } else if let value = name.fixedDigits(at: after, width: 2) {
        minutes = value
        after += 2
      }
      offset = (sign == ASCII.minus ? -1 : 1) * (hours * 3600 + minutes * 60)
      end = after
    }
    let days = CaptureCalendar.days(year: year, month: fields.month, day: fields.day)
    let local = days * 86_400 + fields.hour * 3_600 + fields.minute * 60 + fields.second
    return (Timestamp(milliseconds: Int64(local - (offset ?? utcOffsetSeconds.offset(forLocal: Int64(local)))) * 1000), offset != nil, end)
  }

  /// Why the digits at `start` cannot be read as one time: a day-month-year date, or a date alone.
  private static func ambiguity(_ name: UnsafeRawBufferPointer, at start: Int, run: Int) -> String? {
    if run - start == 2, let separator = name.byte(at: start + 2),
      separator == ASCII.minus || separator == ASCII.dot
        || separator == ASCII.underscore || separator == ASCII.slash,
      name.fixedDigits(at: start + 3, width: 2) != nil, name.byte(at: start + 5) == separator,
      name.fixedDigits(at: start + 6, width: 4) != nil
    {
      return "its date puts the year last, so day and month could be either way round"
    }
    if run - start == 8, let date = name.fixedDigits(at: start, width: 8),
      (1970...2199).contains(date / 10000),
      CaptureCalendar.isValid(
        year: date / 10000, month: date / 100 % 100, day: date % 100, hour: 0, minute: 0, second: 0)
    {
      return "it has a date but no time of day"
    }
    return nil
  }
}
