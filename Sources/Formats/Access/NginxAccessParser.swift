/// The common log format family: nginx's `main` and `combined`, Apache's `common` and `combined`:
/// `192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 0 "-" "kube-probe/1.28"`.
///
/// Formats that append `$request_time` give the duration: a field `rt=0.123` or `request_time=0.123`, else
/// `$upstream_response_time` as `urt="0.120"` or `upstream_response_time=0.120` (the first upstream's when
/// nginx tried several: `"0.050, 0.120"`), else the first bare decimal with a point (`0.123`, seconds with
/// millisecond resolution as nginx prints it) after the body size. Without one the duration is 0. The time is when the request was logged, which nginx and Apache
/// take at its end; their precision is the second.
public struct NginxAccessParser: LineParser {
  public static let format = Format.nginxAccess
  public static let linesAreIndependent = true
  public let assumedZone = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    record(in: line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let record = Self.record(in: line) { return .request(record) }
    return .malformed(
      reason: "not a common/combined access log line (`ADDR - USER [TIME] \"REQUEST\" STATUS BYTES`)")
  }

  @inline(__always)
  private static func record(in line: UnsafeRawBufferPointer) -> AccessRecord? {
    var fields = AccessLogFields(line, from: 0)
    guard let address = fields.next(), !address.isQuoted, let ident = fields.next(), !ident.isQuoted,
      let user = fields.next(), !user.isQuoted,
      let timeField = fields.next(), line.byte(at: timeField.range.lowerBound - 1) == ASCII.openBracket,
      let time = TimestampScanner.commonLog(in: line, at: timeField.range.lowerBound),
      time.end == timeField.range.upperBound,
      let request = fields.next(), request.isQuoted,
      let status = fields.nextInteger(), status >= 100, status <= 999,
      let size = fields.next(), !size.isQuoted
    else { return nil }
    return AccessRecord(
      time: time.timestamp, status: Int(status), durationMilliseconds: requestSeconds(after: &fields) * 1000)
  }

  /// `$request_time` among the fields after the body size, in seconds; 0 when the format has none.
  @inline(__always)
  private static func requestSeconds(after fields: inout AccessLogFields) -> Double {
    var bare: Double?
    var upstream: Double?
    while let field = fields.next() {
      guard !field.isQuoted else { continue }
      let line = fields.line
      var start = field.range.lowerBound
      if line.matches("rt=", at: start) {
        start += 3
      } else if line.matches("request_time=", at: start) {
        start += 13
      } else if upstream == nil,
        line.matches("urt=", at: start) || line.matches("upstream_response_time=", at: start)
      {
        start += line.matches("urt=", at: start) ? 4 : 23
        if line.byte(at: start) == ASCII.quote { start += 1 }
        upstream = line.decimal(at: start)?.value
        continue
      } else {
        if bare == nil, let number = line.decimal(at: start), number.end == field.range.upperBound,
          line.index(of: ASCII.dot, from: start, to: number.end) != nil
        {
          bare = number.value
        }
        continue
      }
      if line.byte(at: start) == ASCII.quote { start += 1 }
      if let number = line.decimal(at: start) { return number.value }
    }
    return upstream ?? bare ?? 0
  }
}
