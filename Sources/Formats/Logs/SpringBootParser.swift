/// Spring Boot's default console lines, which logback writes as
/// `2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.e.j.s.SqlExceptionHelper   : message` (2.x,
/// local time without a zone) or
/// `2025-12-23T07:50:30.331Z ERROR 4893 --- [app] [-8080-exec-1719] o.h.e.j.s.SqlExceptionHelper   : message`
/// (3.x: ISO time with its zone, an optional application block, an optional correlation block).
///
/// A line that does not start with a time stamp belongs to the event before it (`\tat …`, `Caused by: …`,
/// `... 12 more`, and the blank lines inside Connector/J's "Communications link failure" text), so stack traces
/// fold into their event as `.continuation` records.
public struct SpringBootParser: LineParser {
  public static let format = Format.springBoot
  /// A chunk whose first lines continue an event of the chunk before reads them as structure, not as
  /// continuations: both are only counted as read.
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  /// Lines before the first event (a banner, a JVM notice) are structure: there is no event to continue.
  private var sawEvent = false
  private var times = DateTimeCache()

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    var times = DateTimeCache()
    return header(of: line, localOffsetSeconds: .utc, times: &times) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let header = Self.header(of: line, localOffsetSeconds: localOffsetSeconds, times: &times) {
      sawEvent = true
      if !header.time.hasZone { assumedZone = true }
      return .log(LogEvent(time: header.time.timestamp, level: header.level, message: header.message))
    }
    if TimestampScanner.dateTime(in: line, at: 0, localOffsetSeconds: .utc) != nil {
      return .malformed(reason: "time stamp not followed by `LEVEL PID --- [thread] logger : `")
    }
    return sawEvent ? .continuation : .structure
  }

  private struct Header {
    var time: ScannedTime
    var level: LogLevel
    var message: Range<Int>
  }

  /// Reads `time LEVEL [PID] --- [blocks] logger : `; nil when the line is not an event header.
  private static func header(
    of line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone, times: inout DateTimeCache
  ) -> Header? {
    guard let first = line.byte(at: 0), ASCII.isDigit(first),
      let time = times.dateTime(in: line, at: 0, localOffsetSeconds: localOffsetSeconds),
      line.byte(at: time.end) == ASCII.space
    else { return nil }
    let levelStart = line.skippingBlanks(from: time.end)
    var levelEnd = levelStart
    while levelEnd < line.count, ASCII.isUpperLetter(line[levelEnd]) { levelEnd += 1 }
    guard line.byte(at: levelEnd) == ASCII.space, let level = LogLevel(name: line, levelStart..<levelEnd)
    else { return nil }
    var index = line.skippingBlanks(from: levelEnd)
    if let pid = line.unsignedInteger(at: index) {  // empty in 3.x when the PID is unknown
      guard line.byte(at: pid.end) == ASCII.space else { return nil }
      index = line.skippingBlanks(from: pid.end)
    }
    guard line.matches("--- ", at: index) else { return nil }
    guard let messageStart = messageStart(in: line, after: index + 4) else { return nil }
    return Header(time: time, level: level, message: messageStart..<line.count)
  }

  /// Where the message starts: after the `[…]` blocks (thread, application, correlation), the logger and
  /// ` : `. Falls back to the first ` : ` when the blocks are unusual (a `]` inside a thread name).
  @inline(__always)
  private static func messageStart(in line: UnsafeRawBufferPointer, after start: Int) -> Int? {
    var index = line.skippingBlanks(from: start)
    while line.byte(at: index) == ASCII.openBracket {
      guard let close = line.index(of: ASCII.closeBracket, from: index + 1) else { return nil }
      index = line.skippingBlanks(from: close + 1)
    }
    let loggerEnd = line.endOfToken(from: index)
    let colon = line.skippingBlanks(from: loggerEnd)
    if loggerEnd > index, line.byte(at: colon) == ASCII.colon {
      let after = colon + 1
      if after == line.count { return after }
      if line[after] == ASCII.space { return after + 1 }
    }
    var search = start
    while let colon = line.index(of: ASCII.colon, from: search) {
      if colon > 0, line[colon - 1] == ASCII.space {
        if colon + 1 == line.count { return colon + 1 }
        if line[colon + 1] == ASCII.space { return colon + 2 }
      }
      search = colon + 1
    }
    return nil
  }
}
