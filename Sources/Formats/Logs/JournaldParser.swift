/// systemd's journal as `journalctl -o json` writes it, one entry per line:
/// `{"__REALTIME_TIMESTAMP":"1700000000123456","PRIORITY":"3","_SYSTEMD_UNIT":"nginx.service",
/// "SYSLOG_IDENTIFIER":"nginx","MESSAGE":"connect() failed (111: Connection refused)",…}`.
///
/// The time is `__REALTIME_TIMESTAMP` (microseconds since the epoch), the level `PRIORITY` (syslog's severity:
/// 0–2 fatal, 3 error, 4 warn, 5–6 info, 7 debug), the service the unit without `.service` (the identifier for
/// lines outside a unit), the message `MESSAGE`. `-o short-iso` and `-o short-precise` are syslog lines
/// (`SyslogParser`).
public struct JournaldParser: LineParser {
  public static let format = Format.journald
  public static let linesAreIndependent = true
  public let assumedZone = false
  private var sawEvent = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if case .event = read(line) { return true }
    return false
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch Self.read(line) {
    case .event(let event):
      sawEvent = true
      return .log(event)
    case .notAnEntry:
      return sawEvent ? .continuation : .structure
    case .malformed(let reason):
      return .malformed(reason: reason)
    }
  }

  private enum Reading {
    case event(LogEvent)
    case notAnEntry
    case malformed(String)
  }

  @inline(__always)
  private static func read(_ line: UnsafeRawBufferPointer) -> Reading {
    guard line.byte(at: line.skippingBlanks(from: 0)) == ASCII.openBrace else { return .notAnEntry }
    var time: JSONValueRange?
    var priority: JSONValueRange?
    var message: JSONValueRange?
    var unit: JSONValueRange?
    var identifier: JSONValueRange?
    let complete = JSONObjectScanner.forEachMember(in: line) { key, value in
      switch key.count {
      case 20: if line.matches("__REALTIME_TIMESTAMP", at: key.lowerBound) { time = value }
      case 8: if line.matches("PRIORITY", at: key.lowerBound) { priority = value }
      case 7: if line.matches("MESSAGE", at: key.lowerBound) { message = value }
      case 13: if line.matches("_SYSTEMD_UNIT", at: key.lowerBound) { unit = value }
      case 17: if line.matches("SYSLOG_IDENTIFIER", at: key.lowerBound) { identifier = value }
      default: break
      }
    }
    guard complete, let time else { return .notAnEntry }
    guard let stamp = TimestampScanner.epoch(in: line, time.range) else {
      return .malformed("__REALTIME_TIMESTAMP is not microseconds since the epoch")
    }
    var level = LogLevel.info
    if let priority, let severity = line.byte(at: priority.range.lowerBound), ASCII.isDigit(severity) {
      switch severity - ASCII.zero {
      case 0...2: level = .fatal
      case 3: level = .error
      case 4: level = .warn
      case 7: level = .debug
      default: level = .info
      }
    }
    var service = (unit ?? identifier)?.range
    if let range = service, range.count > 8, line.matches(".service", at: range.upperBound - 8) {
      service = range.lowerBound..<(range.upperBound - 8)
    }
    let text = message?.range ?? line.count..<line.count
    return .event(LogEvent(time: stamp, level: level, message: text, service: service))
  }
}
