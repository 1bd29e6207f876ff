/// The MySQL and MariaDB error log, in the shapes the servers write:
/// `2018-12-26T03:11:00.156070Z 300 [Note] Aborted connection 300 to db: 'x' user: 'shipping' …` (5.7, UTC),
/// `2025-10-31T16:09:25.034090Z 2025180 [Note] [MY-010914] [Server] Aborted connection …` (8.0) and
/// `2026-11-29  7:16:59 4 [Warning] Access denied for user …` (MariaDB: local time, the hour padded with a
/// space).
///
/// The error code and subsystem of 8.0 are not part of the message, so 5.7 and 8.0 lines of one kind share a
/// template. RDS appends `----------------------- END OF LOG ----------------------` to a downloaded file: that
/// line is structure. Community MySQL never logs `Too many connections` (FORMATS.md): the limit shows in the
/// counters and in the clients' logs, not here.
public struct MySQLErrorLogParser: LineParser {
  public static let format = Format.mysqlErrorLog
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
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
      if !header.time.hasZone { assumedZone = true }
      return .log(LogEvent(time: header.time.timestamp, level: header.level, message: header.message))
    }
    // Start-up banners (`Version: '5.7.10'  socket: …`), mysqld_safe lines and RDS's trailer.
    return .structure
  }

  private struct Header {
    var time: ScannedTime
    var level: LogLevel
    var message: Range<Int>
  }

  /// Reads `time thread [Level] ([MY-nnnnnn] [Subsystem] )`; nil when the line is not an event.
  private static func header(
    of line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone, times: inout DateTimeCache
  ) -> Header? {
    guard let first = line.byte(at: 0), ASCII.isDigit(first),
      let time = times.dateTime(in: line, at: 0, localOffsetSeconds: localOffsetSeconds)
        ?? mariaDBTime(in: line, localOffsetSeconds: localOffsetSeconds),
      line.byte(at: time.end) == ASCII.space,
      let thread = line.unsignedInteger(at: time.end + 1), line.byte(at: thread.end) == ASCII.space,
      line.byte(at: thread.end + 1) == ASCII.openBracket,
      let close = line.index(of: ASCII.closeBracket, from: thread.end + 2),
      let level = level(line, (thread.end + 2)..<close)
    else { return nil }
    var start = line.skippingBlanks(from: close + 1)
    // 8.0's `[MY-010914] [Server] `: the code and the subsystem.
    if line.matches("[MY-", at: start), let code = line.index(of: ASCII.closeBracket, from: start) {
      start = line.skippingBlanks(from: code + 1)
      if line.byte(at: start) == ASCII.openBracket,
        let subsystem = line.index(of: ASCII.closeBracket, from: start)
      {
        start = line.skippingBlanks(from: subsystem + 1)
      }
    }
    return Header(time: time, level: level, message: start..<line.count)
  }

  /// MariaDB's `yyyy-MM-dd  H:mm:ss` (or `HH:mm:ss`), in the server's local time.
  private static func mariaDBTime(in line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone)
    -> ScannedTime?
  {
    guard let day = TimestampScanner.day(in: line, at: 0), line.byte(at: 10) == ASCII.space else {
      return nil
    }
    let hourStart = line.byte(at: 11) == ASCII.space ? 12 : 11
    guard let hour = line.unsignedInteger(at: hourStart), hour.end - hourStart <= 2, hour.value < 24,
      line.byte(at: hour.end) == ASCII.colon, let minute = line.fixedDigits(at: hour.end + 1, width: 2),
      line.byte(at: hour.end + 3) == ASCII.colon, let second = line.fixedDigits(at: hour.end + 4, width: 2),
      minute < 60, second <= 60
    else { return nil }
    let local = day * 86_400 + Int64(Int(hour.value) * 3600 + minute * 60 + second)
    let seconds = local - Int64(localOffsetSeconds.offset(forLocal: local))
    return ScannedTime(timestamp: Timestamp(milliseconds: seconds * 1000), end: hour.end + 6, hasZone: false)
  }

  private static func level(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> LogLevel? {
    if line.equalsIgnoringCase(range, "note") || line.equalsIgnoringCase(range, "system") { return .info }
    if line.equalsIgnoringCase(range, "warning") { return .warn }
    if line.equalsIgnoringCase(range, "error") { return .error }
    return nil
  }
}
