/// AWS load balancer access logs, read from S3:
/// - Application Load Balancer: `type time elb client:port target:port request_processing_time
///   target_processing_time response_processing_time elb_status_code target_status_code received_bytes
///   sent_bytes "request" "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" …`;
/// - Classic Load Balancer: the same from `time`, without the type, the target group or what follows.
///
/// The duration is the three processing times together (seconds; `-1` where the load balancer could not
/// reach a target, counted as nothing); the status the load balancer's (`-` when the client left first, read
/// as 0); the upstream the target group (ALB) or the load balancer's name (classic).
public struct AWSAccessParser: LineParser {
  public static let format = Format.awsAccess
  public static let linesAreIndependent = true
  public let assumedZone = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    record(in: line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let record = Self.record(in: line) { return .request(record) }
    return .malformed(
      reason: "not an ALB or classic ELB access log line (`[type] TIME ELB CLIENT TARGET T T T STATUS …`)")
  }

  @inline(__always)
  private static func record(in line: UnsafeRawBufferPointer) -> AccessRecord? {
    var fields = AccessLogFields(line, from: 0)
    guard var first = fields.next(), !first.isQuoted else { return nil }
    let application = !ASCII.isDigit(line[first.range.lowerBound])
    if application {
      guard let time = fields.next() else { return nil }
      first = time
    }
    guard
      let time = TimestampScanner.dateTime(in: line, at: first.range.lowerBound, localOffsetSeconds: .utc),
      time.hasZone, time.end == first.range.upperBound,
      let name = fields.next(), !name.isQuoted, let client = fields.next(), !client.isQuoted,
      let target = fields.next(), !target.isQuoted
    else { return nil }
    var seconds = 0.0
    for _ in 0..<3 {
      guard let field = fields.next(), !field.isQuoted, let value = line.decimal(at: field.range.lowerBound),
        value.end == field.range.upperBound
      else { return nil }
      if value.value > 0 { seconds += value.value }
    }
    guard let status = fields.next(), !status.isQuoted, let targetStatus = fields.next(),
      !targetStatus.isQuoted,
      let received = fields.next(), !received.isQuoted, let sent = fields.next(), !sent.isQuoted,
      let request = fields.next(), request.isQuoted
    else { return nil }
    let code = line.unsignedInteger(at: status.range.lowerBound).map { Int($0.value) } ?? 0
    var upstream = name.range
    if application {
      // user agent, cipher, protocol, then the target group.
      for _ in 0..<3 { _ = fields.next() }
      if let group = fields.next(), !group.isQuoted, line.matches("arn:", at: group.range.lowerBound) {
        upstream = group.range
      }
    }
    return AccessRecord(
      time: time.timestamp, status: code, durationMilliseconds: seconds * 1000, upstreamCluster: upstream)
  }
}
