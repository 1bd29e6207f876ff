/// Amazon S3 server access logs: `owner bucket [time] remote_ip requester request_id operation key
/// "request_uri" status error_code bytes_sent object_size total_time turn_around_time "referer" "user_agent" …`.
///
/// The duration is `total_time` (milliseconds, from the request's first byte to the response's last), the
/// status the HTTP status, the upstream the bucket, so that a slow or failing bucket stands apart.
public struct S3AccessParser: LineParser {
  public static let format = Format.s3Access
  public static let linesAreIndependent = true
  public let assumedZone = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    record(in: line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let record = Self.record(in: line) { return .request(record) }
    return .malformed(
      reason: "not an S3 server access log line (`OWNER BUCKET [TIME] IP REQUESTER ID OP KEY …`)")
  }

  @inline(__always)
  private static func record(in line: UnsafeRawBufferPointer) -> AccessRecord? {
    var fields = AccessLogFields(line, from: 0)
    guard let owner = fields.next(), !owner.isQuoted, owner.range.count >= 32,
      let bucket = fields.next(), !bucket.isQuoted,
      let timeField = fields.next(), line.byte(at: timeField.range.lowerBound - 1) == ASCII.openBracket,
      let time = TimestampScanner.commonLog(in: line, at: timeField.range.lowerBound),
      time.end == timeField.range.upperBound
    else { return nil }
    // remote ip, requester, request id, operation, key
    for _ in 0..<5 {
      guard let field = fields.next(), !field.isQuoted else { return nil }
    }
    guard let request = fields.next(), request.isQuoted else { return nil }
    let status = fields.nextInteger()
    // error code, bytes sent, object size
    for _ in 0..<3 { guard fields.next() != nil else { return nil } }
    let total = fields.nextInteger() ?? 0
    return AccessRecord(
      time: time.timestamp, status: Int(status ?? 0), durationMilliseconds: Double(total),
      upstreamCluster: bucket.range)
  }
}
