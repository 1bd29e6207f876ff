/// Syslog as daemons and collectors write it:
/// - BSD / RFC 3164, with or without the `<PRI>`: `<34>Nov 27 03:00:01 db1 sshd[2415]: Accepted publickey …`,
///   as `/var/log/syslog` and `/var/log/messages` hold it (no year: see `YearlessDates`; no zone: `--tz`);
///   rsyslog's file format puts an RFC 3339 time in its place (`2026-11-27T03:00:01.123+00:00 db1 …`);
/// - RFC 5424: `<165>1 2026-11-27T03:00:01.003Z db1 shipping 2415 ID47 [meta@1 a="b"] message`;
/// - `journalctl -o short-iso` (`2026-11-27T03:00:01+0100 db1 nginx[7]: …`) and `-o short-precise` (the BSD time
///   with microseconds).
///
/// The app name (`sshd`, `shipping`) is the record's service; the level is the `<PRI>`'s severity, `info`
/// without one. Lines in neither shape continue the event before them.
public struct SyslogParser: LineParser {
  public static let format = Format.syslog
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var dates: YearlessDates
  private var sawEvent = false

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
    dates = YearlessDates(path: context.path, year: context.options.year)
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    var dates = YearlessDates(path: "", year: 2000)
    guard case .event = read(line, localOffsetSeconds: .utc, dates: &dates) else { return false }
    return true
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch Self.read(line, localOffsetSeconds: localOffsetSeconds, dates: &dates) {
    case .event(let event, let hasZone):
      sawEvent = true
      if !hasZone { assumedZone = true }
      return .log(event)
    case .yearless:
      return .malformed(
        reason: "BSD syslog time without a year and no file date to take it from: give --year")
    case .other:
      return sawEvent ? .continuation : .structure
    }
  }

  private enum Reading {
    case event(LogEvent, hasZone: Bool)
    case yearless
    case other
  }

  private static func read(
    _ line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone, dates: inout YearlessDates
  ) -> Reading {
    var index = 0
    var level = LogLevel.info
    var priorityGiven = false
    if line.byte(at: 0) == 0x3C {
      guard let priority = line.unsignedInteger(at: 1), priority.end <= 4, priority.value < 192,
        line.byte(at: priority.end) == 0x3E
      else { return .other }
      level = Self.level(severity: priority.value % 8)
      priorityGiven = true
      index = priority.end + 1
      if line.byte(at: index) == 0x31, line.byte(at: index + 1) == ASCII.space {
        return structured(line, from: index + 2, level: level, localOffsetSeconds: localOffsetSeconds)
      }
    }
    let timestamp: Timestamp
    let hasZone: Bool
    if let time = TimestampScanner.monthDayTime(in: line, at: index) {
      guard let days = dates.days(month: time.month, day: time.day) else { return .yearless }
      let local = Int64(days) * 86_400 + Int64(time.seconds)
      let seconds = local - Int64(localOffsetSeconds.offset(forLocal: local))
      // `journalctl -o short-precise` adds microseconds: `Jan 15 10:00:00.123456 host unit[1]: …`.
      var (millisecond, end): (Int64, Int) = (0, time.end)
      if line.byte(at: end) == ASCII.dot, let digit = line.byte(at: end + 1), ASCII.isDigit(digit) {
        (millisecond, end) = TimestampScanner.milliseconds(in: line, from: end + 1, to: line.count)
      }
      (timestamp, hasZone, index) = (Timestamp(milliseconds: seconds * 1000 + millisecond), false, end)
    } else if line.byte(at: index + 10) == 0x54,
      let time = TimestampScanner.dateTime(in: line, at: index, localOffsetSeconds: localOffsetSeconds),
      time.hasZone
    {
      (timestamp, hasZone, index) = (time.timestamp, true, time.end)
    } else {
      return .other
    }
    guard line.byte(at: index) == ASCII.space else { return .other }
    // `host tag: message`, or `tag: message` when the sender left the host out. BSD tags are not always
    // one word (`syslogd 1.4.1: restart.`, `sandboxd[129] ([31211]): …`): the tag runs to the first `: `.
    // After an RFC 3339 time, which could open any log, only a one-word `tag:` makes the line syslog.
    var first = token(in: line, from: index + 1)
    var lenient = !hasZone
    if hasZone, first.count >= 4, let severity = LevelLetters.level(in: line, first) {
      // ESXi writes its severity and priority where the host would be (`In(14)`, `Wa(180)`): as sure a sign
      // of syslog as a BSD time.
      if !priorityGiven { level = severity }
      lenient = true
      first = token(in: line, from: first.upperBound + 1)
    }
    guard !first.isEmpty else { return .other }
    let tagStart =
      line.byte(at: first.upperBound - 1) == ASCII.colon ? first.lowerBound : first.upperBound + 1
    let found = lenient ? tagEnd(in: line, from: tagStart) : oneWordTagEnd(in: line, from: tagStart)
    guard let colon = found else {
      // A host and a message without a tag: a BSD time is syslog's own and still places the line.
      guard lenient else { return .other }
      let message = line.skippingBlanks(from: first.upperBound)..<line.count
      return .event(LogEvent(time: timestamp, level: level, message: message), hasZone: hasZone)
    }
    var message = line.skippingBlanks(from: colon + 1)..<line.count
    if priorityGiven == false, let found = LevelWord.find(in: line, from: message.lowerBound, words: 1) {
      level = found.level
      message = found.messageStart..<line.count
    }
    let event = LogEvent(
      time: timestamp, level: level, message: message, service: appName(in: line, tagStart..<colon))
    return .event(event, hasZone: hasZone)
  }

  /// The `:` that ends a tag starting at `start`: the first followed by a blank or the end, within
  /// `longestTag` bytes.
  private static func tagEnd(in line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var index = start
    let limit = min(line.count, start + longestTag)
    while index < limit {
      if line[index] == ASCII.colon, index > start, line.byte(at: index + 1).map(ASCII.isBlank) ?? true {
        return index
      }
      index += 1
    }
    return nil
  }

  /// The `:` that ends a one-word tag at `start` (`cron[5]:`).
  private static func oneWordTagEnd(in line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    let word = token(in: line, from: start)
    guard word.count > 1, line[word.upperBound - 1] == ASCII.colon else { return nil }
    return word.upperBound - 1
  }

  /// RFC 3164 allows 32; real senders write longer (`sshd(pam_unix)[19939]`, macOS's
  /// `com.apple.xpc.launchd[1] (com.apple.xpc.launchd.domain.pid.WebContent.32502)`).
  static let longestTag = 192

  /// RFC 5424 after `<PRI>1 `: `TIMESTAMP HOST APP PROCID MSGID SD MSG`, `-` for a missing field.
  private static func structured(
    _ line: UnsafeRawBufferPointer, from start: Int, level: LogLevel, localOffsetSeconds: LocalZone
  ) -> Reading {
    guard let time = TimestampScanner.dateTime(in: line, at: start, localOffsetSeconds: localOffsetSeconds),
      line.byte(at: time.end) == ASCII.space
    else { return .other }
    let host = token(in: line, from: time.end + 1)
    let app = token(in: line, from: host.upperBound + 1)
    let process = token(in: line, from: app.upperBound + 1)
    let messageID = token(in: line, from: process.upperBound + 1)
    guard !messageID.isEmpty else { return .other }
    var index = messageID.upperBound + 1
    // Structured data: `-`, or `[id key="value" …]` blocks, in which `\]` does not close a block.
    if line.byte(at: index) == ASCII.minus {
      index += 1
    } else {
      while line.byte(at: index) == ASCII.openBracket {
        index += 1
        while index < line.count, line[index] != ASCII.closeBracket {
          index += line[index] == ASCII.backslash ? 2 : 1
        }
        guard index < line.count else { return .other }
        index += 1
      }
    }
    let message = line.skippingBlanks(from: index)..<line.count
    let service = app.count == 1 && line[app.lowerBound] == ASCII.minus ? nil : app
    let event = LogEvent(time: time.timestamp, level: level, message: message, service: service)
    return .event(event, hasZone: time.hasZone)
  }

  /// The token starting at `start`, up to a blank or the end.
  private static func token(in line: UnsafeRawBufferPointer, from start: Int) -> Range<Int> {
    guard start < line.count else { return line.count..<line.count }
    var end = start
    while end < line.count, line[end] != ASCII.space { end += 1 }
    return start..<end
  }

  /// `sshd[2415]` → `sshd`, `sshd(pam_unix)[19939]` → `sshd`, `syslogd 1.4.1` → `syslogd`; nil for a tag
  /// that starts with punctuation (`-- root[2421]`).
  private static func appName(in line: UnsafeRawBufferPointer, _ tag: Range<Int>) -> Range<Int>? {
    var end = tag.lowerBound
    while end < tag.upperBound, line[end] != ASCII.openBracket, line[end] != 0x28, line[end] != ASCII.space {
      end += 1
    }
    guard end > tag.lowerBound, ASCII.isLetter(line[tag.lowerBound]) else { return nil }
    return tag.lowerBound..<end
  }

  /// RFC 5424 severities: 0 emergency, 1 alert, 2 critical, 3 error, 4 warning, 5 notice, 6 informational,
  /// 7 debug.
  private static func level(severity: Int64) -> LogLevel {
    switch severity {
    case 0...2: .fatal
    case 3: .error
    case 4: .warn
    case 5, 6: .info
    default: .debug
    }
  }
}
