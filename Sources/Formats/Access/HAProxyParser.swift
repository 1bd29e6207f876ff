/// HAProxy's logs, through syslog (`Feb 26 00:29:44 lb1 haproxy[7]: …`, an RFC 3339 time in rsyslog's file
/// format) or raw on stdout (`log stdout format raw`):
/// - HTTP (`option httplog`): `client:port [accept_date] frontend backend/server Tq/Tw/Tc/Tr/Ta status bytes
///   req_cookie res_cookie termination_state actconn/feconn/beconn/srv_conn/retries srv_queue/backend_queue
///   {captures} "request"`;
/// - TCP (`option tcplog`): `client:port [accept_date] frontend backend/server Tw/Tc/Tt bytes termination_state
///   actconn/…/retries srv_queue/backend_queue`;
/// - anything else HAProxy says (`Proxy web started.`, `Server be/app1 is DOWN`, a failed TLS handshake) is a
///   log event.
///
/// The duration is `Ta` (HTTP) or `Tt` (TCP), the total milliseconds (−1, an aborted request, counts as 0); the
/// status 0 for TCP; the upstream the backend. The time is syslog's (when the line was logged, as for nginx),
/// its year taken from the accept date when there is one; raw lines take the accept date, local (`--tz`).
public struct HAProxyParser: LineParser {
  public static let format = Format.haproxy
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
    guard let body = body(of: line) else { return false }
    return body.header != nil || request(in: line, from: body.start) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let body = Self.body(of: line) else { return sawEvent ? .continuation : .structure }
    let request = Self.request(in: line, from: body.start)
    guard var written = body.header ?? request?.accepted else {
      return .malformed(reason: "HAProxy line without a syslog header or an accept date")
    }
    if written.days == nil, let accepted = request?.accepted.days {
      let date = CivilCalendar.date(days: Int(accepted))
      let year = written.month < date.month ? date.year + 1 : date.year
      written.days = Int64(CivilCalendar.days(year: year, month: written.month, day: written.day))
    }
    guard let time = written.resolved(localOffsetSeconds: localOffsetSeconds, years: &years) else {
      return .malformed(
        reason: "HAProxy syslog time without a year and no file date to take it from: give --year")
    }
    sawEvent = true
    if !time.hasZone { assumedZone = true }
    if let request {
      if let fields = request.fields {
        return .request(
          AccessRecord(
            time: time.timestamp, status: fields.status, durationMilliseconds: fields.milliseconds,
            upstreamCluster: fields.backend))
      }
      return .log(LogEvent(time: time.timestamp, level: .warn, message: request.message..<line.count))
    }
    return .log(LogEvent(time: time.timestamp, level: .info, message: body.start..<line.count))
  }

  /// Where HAProxy's own text starts: after `time host haproxy[pid]: ` (the syslog time returned as `header`),
  /// or at the line's start for raw lines that open with `client:port [`.
  @inline(__always)
  private static func body(of line: UnsafeRawBufferPointer) -> (header: WrittenTime?, start: Int)? {
    if let found = TimeShapes.read(line, at: 0), found.shape == .monthName || found.shape == .iso,
      line.byte(at: found.time.end) == ASCII.space
    {
      let host = found.time.end + 1
      let tag = line.endOfToken(from: host) + 1
      guard tag < line.count, line.matches("haproxy", at: tag),
        let colon = line.index(of: ASCII.colon, from: tag, to: min(line.count, tag + 32)),
        line.byte(at: colon + 1) == ASCII.space
      else { return nil }
      return (found.time, colon + 2)
    }
    guard let first = line.byte(at: 0), ASCII.isDigit(first) || first == ASCII.colon else { return nil }
    return (nil, 0)
  }

  private struct Fields {
    var status: Int
    var milliseconds: Double
    var backend: Range<Int>
  }

  /// `client:port [accept_date] frontend …`: the accept date, and the request's fields when the rest is an
  /// HTTP or TCP log (nil for an error such as a failed handshake, whose message starts at `message`).
  private static func request(
    in line: UnsafeRawBufferPointer, from start: Int
  ) -> (accepted: WrittenTime, fields: Fields?, message: Int)? {
    var fields = AccessLogFields(line, from: start)
    guard let client = fields.next(), !client.isQuoted,
      line.index(of: ASCII.colon, from: client.range.lowerBound, to: client.range.upperBound) != nil,
      let date = fields.next(), line.byte(at: date.range.lowerBound - 1) == ASCII.openBracket,
      let accepted = TimeShapes.read(line, at: date.range.lowerBound), accepted.shape == .commonLog,
      accepted.time.end == date.range.upperBound
    else { return nil }
    let message = line.skippingBlanks(from: date.range.upperBound + 1)
    guard let frontend = fields.next(), !frontend.isQuoted,
      line.byte(at: frontend.range.upperBound - 1) != ASCII.colon,
      let route = fields.next(), !route.isQuoted,
      let slash = line.index(of: ASCII.slash, from: route.range.lowerBound, to: route.range.upperBound),
      let timers = fields.next(), !timers.isQuoted
    else { return (accepted.time, nil, message) }
    var count = 0
    var last = 0.0
    var index = timers.range.lowerBound
    while index < timers.range.upperBound {
      guard let value = line.decimal(at: index) else { return (accepted.time, nil, message) }
      count += 1
      last = value.value
      index = value.end + 1
    }
    guard count == 5 || count == 3 else { return (accepted.time, nil, message) }
    let status = count == 5 ? Int(fields.nextInteger() ?? 0) : 0
    let backend = route.range.lowerBound..<slash
    return (accepted.time, Fields(status: status, milliseconds: max(0, last), backend: backend), message)
  }
}
