/// The common log format family: nginx's `main` and `combined`, Apache's `common` and `combined`:
/// `192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 0 "-" "kube-probe/1.28"`.
///
/// Formats that append `$request_time` give the duration: a field `rt=0.123` or `request_time=0.123`, else
/// `$upstream_response_time` as `urt="0.120"` or `upstream_response_time=0.120` (the first upstream's when
/// nginx tried several: `"0.050, 0.120"`), else the first bare decimal with a point (`0.123`, seconds with
/// millisecond resolution as nginx prints it) after the body size. Without one the duration is 0. The client
/// address, request line, user agent and `$upstream_addr` (`ua=`, `upstream_addr=`) are kept as byte ranges. The time is when the request was logged, which nginx and Apache
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
    var record = AccessRecord(time: time.timestamp, status: Int(status), durationMilliseconds: 0)
    record.client = address.range
    (record.method, record.path) = AccessRequestLine.parts(of: request.range, in: line)
    readTail(after: &fields, into: &record)
    return record
  }

  /// After the body size: the referer and user agent (the first two quoted fields), then `$request_time`
  /// (`rt=`, `request_time=`, else the first bare decimal with a point), `$upstream_response_time` (`urt=`,
  /// `upstream_response_time=`; the first upstream's when nginx tried several) and `$upstream_addr` (`ua=`,
  /// `upstream_addr=`, `upstream=`); the duration falls back to the upstream's time, else 0.
  @inline(__always)
  private static func readTail(after fields: inout AccessLogFields, into record: inout AccessRecord) {
    var bare: Double?
    var request: Double?
    var quoted = 0
    let line = fields.line
    scan: while let field = fields.next() {
      guard !field.isQuoted else {
        if quoted == 1, !isDash(line, field.range) { record.userAgent = field.range }
        quoted += 1
        continue
      }
      var start = field.range.lowerBound
      switch line[start] {
      case 0x72 where line.matches("rt=", at: start): start += 3
      case 0x72 where line.matches("request_time=", at: start): start += 13
      case 0x75 where line.matches("urt=", at: start) || line.matches("upstream_response_time=", at: start):
        start += line.matches("urt=", at: start) ? 4 : 23
        if line.byte(at: start) == ASCII.quote { start += 1 }
        record.upstreamMilliseconds = line.decimal(at: start).map { $0.value * 1000 }
        if request != nil, record.upstream != nil { break scan }
        continue
      case 0x75
      where line.matches("ua=", at: start) || line.matches("upstream_addr=", at: start)
        || line.matches("upstream=", at: start):
        start += line.matches("ua=", at: start) ? 3 : line.matches("upstream=", at: start) ? 9 : 14
        record.upstream = address(line, from: start, to: field.range.upperBound)
        if request != nil, record.upstreamMilliseconds != nil { break scan }
        continue
      default:
        if bare == nil, ASCII.isDigit(line[start]), let number = line.decimal(at: start),
          number.end == field.range.upperBound,
          line.index(of: ASCII.dot, from: start, to: number.end) != nil
        {
          bare = number.value
        }
        continue
      }
      if request == nil {
        if line.byte(at: start) == ASCII.quote { start += 1 }
        request = line.decimal(at: start)?.value
      }
      // Everything this reader takes is known: the fields after it are not read.
      if record.upstream != nil, record.upstreamMilliseconds != nil { break scan }
    }
    let seconds = request ?? record.upstreamMilliseconds.map { $0 / 1000 } ?? bare ?? 0
    record.durationMilliseconds = seconds * 1000
  }

  private static func isDash(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    range.isEmpty || (range.count == 1 && line[range.lowerBound] == ASCII.minus)
  }

  /// The first address of `"10.0.0.1:80, 10.0.0.2:80"` (the upstream whose time stands in), without quotes;
  /// nil for `-`.
  private static func address(_ line: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Range<Int>? {
    var begin = start
    if begin < end, line[begin] == ASCII.quote { begin += 1 }
    var stop = begin
    while stop < end, line[stop] != ASCII.quote, line[stop] != 0x2C { stop += 1 }
    guard begin < stop, !isDash(line, begin..<stop) else { return nil }
    return begin..<stop
  }
}
