/// PHP monolog's default `LineFormatter`: `[%datetime%] %channel%.%level_name%: %message% %context% %extra%`,
/// e.g. `[2026-11-27 03:04:11] app.ERROR: Database error SQLSTATE[HY000] [1040] Too many connections [] []`
/// (monolog 1, local time) or `[2026-11-27T03:04:11.123456+00:00] app.ERROR: …` (monolog 2 and 3).
///
/// The message excludes the trailing context and extra (`[]` or a JSON object each), so that lines of one
/// template mine to one shape whatever their context. Lines that do not start with a stamp continue the event
/// before them (monolog keeps line breaks when `allowInlineLineBreaks` is on).
public struct MonologParser: LineParser {
  public static let format = Format.monolog
  /// A chunk whose first lines continue an event of the chunk before reads them as structure, not as
  /// continuations: both are only counted as read.
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
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
      let end = Self.messageEnd(in: line, start: header.messageStart)
      return .log(
        LogEvent(time: header.time.timestamp, level: header.level, message: header.messageStart..<end))
    }
    if line.byte(at: 0) == ASCII.openBracket,
      TimestampScanner.dateTime(in: line, at: 1, localOffsetSeconds: .utc) != nil
    {
      return .malformed(reason: "time stamp not followed by `channel.LEVEL: `")
    }
    return sawEvent ? .continuation : .structure
  }

  private struct Header {
    var time: ScannedTime
    var level: LogLevel
    var messageStart: Int
  }

  /// Reads `[time] channel.LEVEL: `; nil when the line is not an event header.
  private static func header(
    of line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone, times: inout DateTimeCache
  ) -> Header? {
    guard line.byte(at: 0) == ASCII.openBracket,
      let time = times.dateTime(in: line, at: 1, localOffsetSeconds: localOffsetSeconds),
      line.byte(at: time.end) == ASCII.closeBracket, line.byte(at: time.end + 1) == ASCII.space
    else { return nil }
    let channelStart = time.end + 2
    var index = channelStart
    var lastDot: Int?
    while index < line.count {
      let byte = line[index]
      if byte == ASCII.colon || ASCII.isBlank(byte) { break }
      if byte == ASCII.dot { lastDot = index }
      index += 1
    }
    guard line.byte(at: index) == ASCII.colon, let dot = lastDot, dot > channelStart,
      let level = LogLevel(name: line, (dot + 1)..<index)
    else { return nil }
    let after = index + 1
    if after < line.count && line[after] != ASCII.space { return nil }
    return Header(time: time, level: level, messageStart: min(after + 1, line.count))
  }

  /// The end of the message once up to two trailing context/extra values are dropped.
  private static func messageEnd(in line: UnsafeRawBufferPointer, start: Int) -> Int {
    var end = line.count
    for _ in 0..<2 {
      guard let contextStart = trailingContext(in: line, end: end, floor: start) else { break }
      end = contextStart
      while end > start, ASCII.isBlank(line[end - 1]) { end -= 1 }
    }
    return end
  }

  /// The start of a `[]` or a JSON object (`{}`, `{"…`) that ends the text before `end` and follows a blank or
  /// `floor`. A non-empty array is not taken: messages end in `[1040]`-like codes, contexts never are arrays.
  private static func trailingContext(in line: UnsafeRawBufferPointer, end: Int, floor: Int) -> Int? {
    var last = end
    while last > floor, ASCII.isBlank(line[last - 1]) { last -= 1 }
    guard last - floor >= 2 else { return nil }
    var start: Int?
    if line[last - 1] == ASCII.closeBracket, line[last - 2] == ASCII.openBracket {
      start = last - 2
    } else if line[last - 1] == ASCII.closeBrace {
      var depth = 0
      var index = last - 1
      while index >= floor {
        if line[index] == ASCII.closeBrace {
          depth += 1
        } else if line[index] == ASCII.openBrace {
          depth -= 1
          if depth == 0 { break }
        }
        index -= 1
      }
      if index >= floor, let next = line.byte(at: index + 1), next == ASCII.quote || next == ASCII.closeBrace
      {
        start = index
      }
    }
    guard let start, start == floor || ASCII.isBlank(line[start - 1]) else { return nil }
    return start
  }
}
