/// Redis and Sentinel logs:
/// - 3.0 and later: `1:M 29 Aug 2023 13:47:38.984 * Ready to accept connections` — the pid, the role (`M`aster,
///   `S`lave/replica, `C`hild: a save or rewrite, `X` Sentinel), the time, the level mark, the message;
/// - 2.x: `[3574] 13 Apr 12:52:30.731 # Sentinel runid is …`, without the year (taken as syslog's is);
/// - the signal handler's `1:signal-handler (1693279182) Received SIGTERM scheduling shutdown...`, stamped with
///   epoch seconds.
///
/// The level marks are `.` debug, `-` verbose, `*` notice and `#` warning; the signal handler's lines are
/// warnings (a shutdown, a crash report).
public struct RedisParser: LineParser {
  public static let format = Format.redis
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
    var years = YearlessDates(path: "", year: 2000)
    return read(line, localOffsetSeconds: .utc, years: &years) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let event = Self.read(line, localOffsetSeconds: localOffsetSeconds, years: &years) else {
      if Self.prefixEnd(of: line) != nil {
        return .malformed(reason: "Redis line without a time and level mark the server writes")
      }
      return sawEvent ? .continuation : .structure
    }
    sawEvent = true
    if !event.hasZone { assumedZone = true }
    return .log(event.event)
  }

  /// The index after `pid:R ` (3.0+), `[pid] ` (2.x) or `pid:signal-handler `; nil otherwise.
  @inline(__always)
  private static func prefixEnd(of line: UnsafeRawBufferPointer) -> Int? {
    if line.byte(at: 0) == ASCII.openBracket {
      guard let pid = line.unsignedInteger(at: 1), line.byte(at: pid.end) == ASCII.closeBracket,
        line.byte(at: pid.end + 1) == ASCII.space
      else { return nil }
      return pid.end + 2
    }
    guard let pid = line.unsignedInteger(at: 0), line.byte(at: pid.end) == ASCII.colon,
      let role = line.byte(at: pid.end + 1)
    else { return nil }
    if line.byte(at: pid.end + 2) == ASCII.space {
      switch role {
      case 0x4D, 0x53, 0x43, 0x58: return pid.end + 3  // M S C X
      default: return nil
      }
    }
    guard line.matches("signal-handler ", at: pid.end + 1) else { return nil }
    return pid.end + 16
  }

  private static func read(
    _ line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone, years: inout YearlessDates
  ) -> (event: LogEvent, hasZone: Bool)? {
    guard let start = prefixEnd(of: line) else { return nil }
    if line.byte(at: start) == 0x28 {  // '(': the signal handler's epoch seconds
      guard let close = line.index(of: 0x29, from: start + 1, to: min(line.count, start + 24)),
        let stamp = TimestampScanner.epoch(in: line, (start + 1)..<close)
      else { return nil }
      let message = line.skippingBlanks(from: close + 1)
      return (LogEvent(time: stamp, level: .warn, message: message..<line.count), true)
    }
    guard let found = TimeShapes.read(line, at: start), found.shape == .dayMonthName,
      line.byte(at: found.time.end) == ASCII.space, let mark = line.byte(at: found.time.end + 1),
      let level = level(mark), line.byte(at: found.time.end + 2).map(ASCII.isBlank) ?? true,
      let time = found.time.resolved(localOffsetSeconds: localOffsetSeconds, years: &years)
    else { return nil }
    let message = min(line.count, found.time.end + 3)
    return (LogEvent(time: time.timestamp, level: level, message: message..<line.count), time.hasZone)
  }

  @inline(__always)
  private static func level(_ mark: UInt8) -> LogLevel? {
    switch mark {
    case ASCII.dot, ASCII.minus: .debug
    case 0x2A: .info  // '*'
    case 0x23: .warn  // '#'
    default: nil
    }
  }
}
