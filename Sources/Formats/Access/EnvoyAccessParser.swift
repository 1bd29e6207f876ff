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
      let start = times.dateTime(in: line, at: 1, localOffsetSeconds: 0), start.hasZone,
      line.byte(at: start.end) == ASCII.closeBracket
    else { return nil }
    var fields = AccessLogFields(line, from: start.end + 1)
    guard let request = fields.next(), request.isQuoted, let status = fields.nextInteger(), status < 1000,
      let flags = fields.next(),
      let first = fields.next(), let second = fields.next(), let third = fields.next()
    else { return nil }
    let duration: Int64
    let istio = third.isQuoted
    if istio {  // Istio: details, termination details, "failure reason", then the byte counts
      guard fields.nextInteger() != nil, fields.nextInteger() != nil, let value = fields.nextInteger() else {
        return nil
      }
      duration = value
    } else {
      guard !first.isQuoted, !second.isQuoted, let value = integer(in: line, third) else { return nil }
      duration = value
    }
    var record = AccessRecord(
      time: start.timestamp, status: Int(status), durationMilliseconds: Double(duration))
    (record.method, record.path) = AccessRequestLine.parts(of: request.range, in: line)
    if !isDash(line, flags.range) { record.responseFlags = flags.range }
    readTail(&fields, into: &record, istio: istio)
    return record
  }

  /// After the duration: the upstream service time, the quoted forwarded-for, user agent, request id,
  /// authority and upstream host, then in Istio's format the upstream cluster (`outbound|8000||httpbin…`),
  /// the upstream local, downstream local and downstream remote addresses. The client is the first
  /// forwarded-for hop, else (Istio) the downstream peer's address. Whatever a line lacks stays nil.
  @inline(__always)
  private static func readTail(_ fields: inout AccessLogFields, into record: inout AccessRecord, istio: Bool)
  {
    let line = fields.line
    guard let serviceTime = fields.next(), !serviceTime.isQuoted else { return }
    if let upstream = integer(in: line, serviceTime) { record.upstreamMilliseconds = Double(upstream) }
    // Five quoted fields, read without an array: forwarded-for, user agent, request id, authority, upstream.
    func quoted() -> Range<Int>?? {
      guard let field = fields.next(), field.isQuoted else { return .none }
      return .some(isDash(line, field.range) ? nil : field.range)
    }
    guard let forwarded = quoted(), let agent = quoted(), quoted() != nil, let authority = quoted(),
      let upstream = quoted()
    else { return }
    if let forwarded {
      let comma = line.index(of: 0x2C, from: forwarded.lowerBound, to: forwarded.upperBound)
      record.client = forwarded.lowerBound..<(comma ?? forwarded.upperBound)
    }
    (record.userAgent, record.authority, record.upstream) = (agent, authority, upstream)
    guard istio, let cluster = fields.next(), !cluster.isQuoted else { return }
    if !isDash(line, cluster.range) { record.upstreamCluster = cluster.range }
    guard record.client == nil, fields.next() != nil, fields.next() != nil, let peer = fields.next(),
      !peer.isQuoted, !isDash(line, peer.range)
    else { return }
    let colon = line.index(of: ASCII.colon, from: peer.range.lowerBound, to: peer.range.upperBound)
    record.client = peer.range.lowerBound..<(colon ?? peer.range.upperBound)
  }

  @inline(__always)
  private static func isDash(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    range.isEmpty || (range.count == 1 && line[range.lowerBound] == ASCII.minus)
  }

  @inline(__always)
  private static func integer(in line: UnsafeRawBufferPointer, _ field: AccessLogField) -> Int64? {
    guard let number = line.unsignedInteger(at: field.range.lowerBound), number.end == field.range.upperBound
    else { return nil }
    return number.value
  }

  /// Envoy's application log: `2023-…Z\twarning\tenvoy …` (Istio) or `[2023-… …][15][warning][config] …`.
  private static func isProxyLogLine(_ line: UnsafeRawBufferPointer) -> Bool {
    if let time = TimestampScanner.dateTime(in: line, at: 0, localOffsetSeconds: 0) {
      return line.byte(at: time.end) == ASCII.tab
    }
    if line.byte(at: 0) == ASCII.openBracket,
      let time = TimestampScanner.dateTime(in: line, at: 1, localOffsetSeconds: 0)
    {
      return line.matches("][", at: time.end)
    }
    return false
  }
}
