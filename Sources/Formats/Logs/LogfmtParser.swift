/// logfmt, as Go services write it (logrus' text formatter, go-kit, Grafana's own components):
/// `time="2026-11-27T03:04:11Z" level=error msg="pool exhausted" service=shipping err="dial tcp: i/o timeout"`.
///
/// The time is `time`, `ts`, `t` or `timestamp` (RFC 3339 or an epoch number), the level `level`, `lvl` or
/// `severity` (`info` when absent), the message `msg` or `message` (escapes left as written; the whole line
/// without one), the record's service `service` or `app`. Lines that are not key=value pairs continue the
/// event before them (a panic's stack).
public struct LogfmtParser: LineParser {
  public static let format = Format.logfmt
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var sawEvent = false

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard case .event(_, _, let fields) = read(line, localOffsetSeconds: .utc) else { return false }
    return fields >= 3
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch Self.read(line, localOffsetSeconds: localOffsetSeconds) {
    case .event(let event, let hasZone, _):
      sawEvent = true
      if !hasZone { assumedZone = true }
      return .log(event)
    case .malformed(let reason):
      return .malformed(reason: reason)
    case .other:
      return sawEvent ? .continuation : .structure
    }
  }

  private enum Reading {
    case event(LogEvent, hasZone: Bool, fields: Int)
    case malformed(String)
    case other
  }

  private static func read(_ line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone) -> Reading {
    var time: Range<Int>?
    var level: Range<Int>?
    var message: Range<Int>?
    var service: Range<Int>?
    var fields = 0
    var index = line.skippingBlanks(from: 0)
    while index < line.count {
      let keyStart = index
      while index < line.count, line[index] != ASCII.equals, !ASCII.isBlank(line[index]),
        line[index] != ASCII.quote
      {
        index += 1
      }
      guard index > keyStart, line.byte(at: index) == ASCII.equals else {
        // Prose, or a bare word among the pairs: not logfmt once nothing has been read.
        if fields == 0 { return .other }
        index = line.endOfToken(from: index)
        index = line.skippingBlanks(from: index)
        continue
      }
      let key = keyStart..<index
      index += 1
      let value: Range<Int>
      if line.byte(at: index) == ASCII.quote {
        guard let close = line.closingQuote(from: index + 1) else {
          return fields == 0 ? .other : .malformed("quoted value not closed")
        }
        value = (index + 1)..<close
        index = close + 1
      } else {
        let end = line.endOfToken(from: index)
        value = index..<end
        index = end
      }
      fields += 1
      switch key.count {
      case 1, 2, 4, 9:
        if time == nil,
          line.matches("t", at: key.lowerBound) && key.count == 1
            || line.matches("ts", at: key.lowerBound) && key.count == 2
            || line.matches("time", at: key.lowerBound) && key.count == 4
            || line.matches("timestamp", at: key.lowerBound) && key.count == 9
        {
          time = value
        }
      default: break
      }
      if level == nil,
        key.count == 5 && line.matches("level", at: key.lowerBound)
          || key.count == 3
            && line.matches("lvl", at: key.lowerBound)
          || key.count == 8 && line.matches("severity", at: key.lowerBound)
      {
        level = value
      }
      if message == nil,
        key.count == 3 && line.matches("msg", at: key.lowerBound)
          || key.count == 7
            && line.matches("message", at: key.lowerBound)
      {
        message = value
      }
      if service == nil,
        key.count == 7 && line.matches("service", at: key.lowerBound)
          || key.count == 3
            && line.matches("app", at: key.lowerBound)
      {
        service = value
      }
      index = line.skippingBlanks(from: index)
    }
    guard fields >= 2, level != nil || message != nil else { return .other }
    guard let time else { return .malformed("no `time`, `ts`, `t` or `timestamp` field") }
    let stamp: (Timestamp, Bool)
    if let scanned = TimestampScanner.dateTime(
      in: line, at: time.lowerBound, localOffsetSeconds: localOffsetSeconds),
      scanned.end == time.upperBound
    {
      stamp = (scanned.timestamp, scanned.hasZone)
    } else if let epoch = TimestampScanner.epoch(in: line, time) {
      stamp = (epoch, true)
    } else {
      return .malformed("time value is neither an RFC 3339 time nor an epoch number")
    }
    let severity = level.flatMap { LogLevel(name: line, $0) } ?? .info
    let event = LogEvent(
      time: stamp.0, level: severity, message: message ?? 0..<line.count,
      service: service.flatMap { $0.isEmpty ? nil : $0 })
    return .event(event, hasZone: stamp.1, fields: fields)
  }
}
