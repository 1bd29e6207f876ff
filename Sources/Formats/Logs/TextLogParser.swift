/// Plain-text logs that stamp each event with a time and perhaps a level word, whatever else the layout holds:
/// Python `logging` (`2026-11-27 03:00:01,123 - shipping.db - ERROR - …`, Flask's `[2026-11-27 03:00:01,123] ERROR
/// in app: …`), Go's `log` (`2026/11/27 03:00:01 Connecting to …`), nginx's error log, zap's console encoder,
/// log4j and logback layouts (`[2025-04-24 19:51:57,226] INFO [SocketServer …] …`, Spark's `17/06/09 20:10:52
/// INFO …`, HDFS's `081111 101735 26595 INFO …`, Java Service Wrapper's `INFO   | jvm 1    | 2015/04/28 …`),
/// Rails, spdlog, SSSD, VMware, dpkg: lnav's generic formats.
///
/// The time is the first `TimeShape` within the first `TimeShapes.window` bytes that starts a word; one without a
/// year takes it as syslog's does (`YearlessDates`). The level is a level word before the time or right after it
/// (see `LevelWord`), `info` without one; lines without such a time continue the event before them (Python
/// tracebacks, Go panics, Java stack traces).
///
/// The fallback of detection: a specific format that recognises the same lines wins the tie (it is listed
/// first).
public struct TextLogParser: LineParser {
  public static let format = Format.textLog
  /// A chunk whose first lines continue an event of the chunk before reads them as structure, not as
  /// continuations: both are only counted as read.
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var years: YearlessDates
  private var sawEvent = false

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
    years = YearlessDates(path: context.path, year: context.options.year)
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let found = TimeShapes.find(in: line) else { return false }
    return isText(line, after: found.time.end)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let found = TimeShapes.find(in: line) else { return sawEvent ? .continuation : .structure }
    guard Self.isText(line, after: found.time.end) else {
      return .malformed(reason: "time stamp followed by binary bytes, not text")
    }
    guard let time = found.time.resolved(localOffsetSeconds: localOffsetSeconds, years: &years) else {
      return .malformed(reason: "time without a year and no file date to take it from: give --year")
    }
    sawEvent = true
    if !time.hasZone { assumedZone = true }
    return .log(Self.event(in: line, time: time.timestamp, start: found.time.start, end: found.time.end))
  }

  /// Whether what follows the time (past blanks) starts with text: not a control character and not a byte
  /// that UTF-8 never uses (C0, C1, F5–FF), so that a time stamp followed by binary is no event.
  @inline(__always)
  static func isText(_ line: UnsafeRawBufferPointer, after end: Int) -> Bool {
    var index = end
    if let close = line.byte(at: index), close == ASCII.closeBracket || close == 0x29 { index += 1 }
    guard let byte = line.byte(at: line.skippingBlanks(from: index)) else { return true }
    return byte >= 0x20 && byte != 0x7F && byte != 0xC0 && byte != 0xC1 && byte < 0xF5
  }

  /// The level before the time (`[DEBUG 2015-05-20 …`, `E0517 …`) or after it, and the message after both.
  @inline(__always)
  static func event(in line: UnsafeRawBufferPointer, time: Timestamp, start: Int, end: Int) -> LogEvent {
    var after = end
    if let close = line.byte(at: after), close == ASCII.closeBracket || close == 0x29 { after += 1 }
    if let found = LevelWord.find(in: line, from: after, leading: true) {
      return LogEvent(time: time, level: found.level, message: found.messageStart..<line.count)
    }
    let message = line.skippingBlanks(from: after)
    if start > 0, let found = LevelWord.find(in: line, from: 0, to: start, words: 6) {
      return LogEvent(time: time, level: found.level, message: message..<line.count)
    }
    return LogEvent(time: time, level: .info, message: message..<line.count)
  }
}
