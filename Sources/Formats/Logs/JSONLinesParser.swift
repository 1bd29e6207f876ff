/// One JSON object per line, as pino, bunyan, zap, logstash encoders and Docker's `json-file` driver write them:
/// `{"level":"info","time":1764649283652,"pid":1,"hostname":"…","msg":"Started on port 8080","v":1}`.
///
/// The time is the first of `time`, `ts`, `@timestamp`, `timestamp`, `timestamp_ns` (the OpenTelemetry
/// Collector's file exporter): an epoch number (its unit told by its size)
/// or an RFC 3339 string. The level is `level`, `severity` or `lvl`, a name or pino's number, `info` when
/// absent. The message is the contents of `msg`, `message`, `body` (OpenTelemetry) or `log` (escapes left as written); Docker's `log`
/// holds the container's own line, whose level and message are read from it (see `EmbeddedLine`). Lines that are not objects
/// continue the event before them: Node prints uncaught stack traces raw.
public struct JSONLinesParser: LineParser {
  public static let format = Format.jsonLines
  /// A chunk whose first lines continue an event of the chunk before reads them as structure, not as
  /// continuations: both are only counted as read.
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var sawEvent = false

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard case .event(_, let fields) = read(line, localOffsetSeconds: .utc) else { return false }
    return fields.hasLevelOrMessage
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch Self.read(line, localOffsetSeconds: localOffsetSeconds) {
    case .event(let event, let fields):
      sawEvent = true
      if !fields.timeHasZone { assumedZone = true }
      return .log(event)
    case .notAnObject:
      return sawEvent ? .continuation : .structure
    case .malformed(let reason):
      return .malformed(reason: reason)
    }
  }

  private struct Fields {
    var timeHasZone = true
    var hasLevelOrMessage = false
  }

  private enum Reading {
    case event(LogEvent, Fields)
    case notAnObject
    case malformed(String)
  }

  @inline(__always)
  private static func read(_ line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone) -> Reading {
    guard line.byte(at: line.skippingBlanks(from: 0)) == ASCII.openBrace else { return .notAnObject }
    var time: JSONValueRange?
    var level: JSONValueRange?
    var message: JSONValueRange?
    /// Docker's `json-file` wraps the container's own line in `log`: its level is inside.
    var wrapped = false
    let complete = JSONObjectScanner.forEachMember(in: line) { key, value in
      switch key.count {
      case 2, 4, 9, 10, 12:
        if message == nil, key.count == 4, line.matches("body", at: key.lowerBound) {
          message = value
        } else if time == nil,
          line.matches("time", at: key.lowerBound) && key.count == 4
            || line.matches("ts", at: key.lowerBound) && key.count == 2
            || line.matches("timestamp", at: key.lowerBound) && key.count == 9
            || line.matches("@timestamp", at: key.lowerBound) && key.count == 10
            || line.matches("timestamp_ns", at: key.lowerBound) && key.count == 12
        {
          time = value
        }
      case 5, 8:
        if level == nil,
          line.matches("level", at: key.lowerBound) && key.count == 5
            || line.matches("severity", at: key.lowerBound) && key.count == 8
        {
          level = value
        }
      case 3, 7:
        if level == nil, line.matches("lvl", at: key.lowerBound) && key.count == 3 {
          level = value
        } else if message == nil,
          line.matches("msg", at: key.lowerBound) && key.count == 3
            || line.matches("log", at: key.lowerBound) && key.count == 3
            || line.matches("message", at: key.lowerBound) && key.count == 7
        {
          message = value
          wrapped = key.count == 3 && line.matches("log", at: key.lowerBound)
        }
      default:
        break
      }
    }
    guard complete else { return .malformed("not one complete JSON object") }
    guard let time else { return .malformed("no `time`, `ts`, `@timestamp` or `timestamp` member") }
    guard let stamp = readTime(line, time, localOffsetSeconds: localOffsetSeconds) else {
      return .malformed("time value is neither an epoch number nor an RFC 3339 time")
    }
    var severity = LogLevel.info
    var text = message?.range ?? line.count..<line.count
    if level == nil, wrapped, let message, message.isString {
      // Docker keeps the line's newline, escaped: `"log":"… timeout\n"`.
      var end = message.range.upperBound
      if end - message.range.lowerBound >= 2, line[end - 2] == ASCII.backslash, line[end - 1] == 0x6E {
        end -= 2
      }
      let embedded = EmbeddedLine.read(
        UnsafeRawBufferPointer(rebasing: line[..<end]), from: message.range.lowerBound)
      (severity, text) = (embedded.level, embedded.message)
    }
    if let level {
      if level.isString {
        severity = LogLevel(name: line, level.range) ?? .info
      } else if let number = line.unsignedInteger(at: level.range.lowerBound),
        number.end == level.range.upperBound
      {
        severity = LogLevel(numeric: number.value)
      }
    }
    let event = LogEvent(time: stamp.timestamp, level: severity, message: text)
    return .event(
      event, Fields(timeHasZone: stamp.hasZone, hasLevelOrMessage: level != nil || message != nil))
  }

  @inline(__always)
  private static func readTime(
    _ line: UnsafeRawBufferPointer, _ value: JSONValueRange, localOffsetSeconds: LocalZone
  ) -> (timestamp: Timestamp, hasZone: Bool)? {
    if value.isString,
      let scanned = TimestampScanner.dateTime(
        in: line, at: value.range.lowerBound, localOffsetSeconds: localOffsetSeconds),
      scanned.end == value.range.upperBound
    {
      return (scanned.timestamp, scanned.hasZone)
    }
    return TimestampScanner.epoch(in: line, value.range).map { ($0, true) }
  }
}
