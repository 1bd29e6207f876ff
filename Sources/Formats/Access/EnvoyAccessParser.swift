/// Envoy's default text access log and Istio's default (`EnvoyTextLogFormat`), one request or TCP connection a
/// line:
/// `[2020-11-25T21:26:18.409Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 135 4 4 "-" "curl/7.73.0-DEV"
/// "8496…" "httpbin:8000" "10.44.1.27:80" outbound|8000||httpbin.foo.svc.cluster.local 10.44.1.23:37652 …`.
///
/// Istio adds `RESPONSE_CODE_DETAILS`, `CONNECTION_TERMINATION_DETAILS` and a quoted transport failure reason
/// after the flags, and the upstream cluster after the upstream host; the third field after the flags tells
/// the two apart (quoted in Istio's, the duration in Envoy's). TCP lines (`"- - -"`, status 0) carry the
/// connection's start and its whole lifetime as the duration. The proxy's own log lines, which
/// `kubectl logs -c istio-proxy` interleaves, are structure: they are not requests.
public struct EnvoyAccessParser: LineParser {
  public static let format = Format.envoyAccess
  public static let linesAreIndependent = true
  public let assumedZone = false
  private var times = DateTimeCache()

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    var times = DateTimeCache()
    return record(in: line, times: &times) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let record = Self.record(in: line, times: &times) { return .request(record) }
    if Self.isProxyLogLine(line) { return .structure }
    return .malformed(reason: "not an Envoy access log line (`[START_TIME] \"REQUEST\" CODE FLAGS …`)")
  }

  @inline(__always)
  private static func record(in line: UnsafeRawBufferPointer, times: inout DateTimeCache) -> AccessRecord? {
    guard line.byte(at: 0) == ASCII.openBracket,
      let start = times.dateTime(in: line, at: 1, localOffsetSeconds: .utc), start.hasZone,
      line.byte(at: start.end) == ASCII.closeBracket
    else { return nil }
    var fields = AccessLogFields(line, from: start.end + 1)
    guard let request = fields.next(), request.isQuoted, let status = fields.nextInteger(), status < 1000,
      fields.next() != nil,  // RESPONSE_FLAGS
      let first = fields.next(), let second = fields.next(), let third = fields.next()
    else { return nil }
    let duration: Int64
    var cluster: Range<Int>?
    if third.isQuoted {  // Istio: details, termination details, "failure reason", then the byte counts
      guard fields.nextInteger() != nil, fields.nextInteger() != nil, let value = fields.nextInteger() else {
        return nil
      }
      duration = value
      cluster = upstreamCluster(after: &fields)
    } else {
      guard !first.isQuoted, !second.isQuoted, let value = integer(in: line, third) else { return nil }
      duration = value
    }
    return AccessRecord(
      time: start.timestamp, status: Int(status), durationMilliseconds: Double(duration),
      upstreamCluster: cluster)
  }

  /// Istio's `%UPSTREAM_CLUSTER%`: after the upstream service time and five quoted fields (forwarded-for, user
  /// agent, request id, authority, upstream host); nil when unset (`-`) or absent.
  @inline(__always)
  private static func upstreamCluster(after fields: inout AccessLogFields) -> Range<Int>? {
    guard let serviceTime = fields.next(), !serviceTime.isQuoted else { return nil }
    for _ in 0..<5 {
      guard let field = fields.next(), field.isQuoted else { return nil }
    }
    guard let cluster = fields.next(), !cluster.isQuoted else { return nil }
    if cluster.range.count == 1 && fields.line[cluster.range.lowerBound] == ASCII.minus { return nil }
    return cluster.range
  }

  @inline(__always)
  private static func integer(in line: UnsafeRawBufferPointer, _ field: AccessLogField) -> Int64? {
    guard let number = line.unsignedInteger(at: field.range.lowerBound), number.end == field.range.upperBound
    else { return nil }
    return number.value
  }

  /// Envoy's application log: `2023-…Z\twarning\tenvoy …` (Istio) or `[2023-… …][15][warning][config] …`.
  private static func isProxyLogLine(_ line: UnsafeRawBufferPointer) -> Bool {
    if let time = TimestampScanner.dateTime(in: line, at: 0, localOffsetSeconds: .utc) {
      return line.byte(at: time.end) == ASCII.tab
    }
    if line.byte(at: 0) == ASCII.openBracket,
      let time = TimestampScanner.dateTime(in: line, at: 1, localOffsetSeconds: .utc)
    {
      return line.matches("][", at: time.end)
    }
    return false
  }
}
