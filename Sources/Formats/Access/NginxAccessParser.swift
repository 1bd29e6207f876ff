/// The common log format family: nginx's `main` and `combined`, Apache's `common`, `combined` and
/// `vhost_combined` (the virtual host first), Werkzeug's (Flask's development server: `[29/Aug/2023 22:02:58]`,
/// local time without a zone), and the time-first layout of some Apache setups:
/// `192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 0 "-" "kube-probe/1.28"`.
///
/// Formats that append `$request_time` give the duration: a field `rt=0.123` or `request_time=0.123`, else
/// `$upstream_response_time` as `urt="0.120"` or `upstream_response_time=0.120` (the first upstream's when
/// nginx tried several: `"0.050, 0.120"`), else the first bare decimal with a point (`0.123`, seconds with
/// millisecond resolution as nginx prints it) after the body size. Without one the duration is 0. The client
/// address, request line, user agent and `$upstream_addr` (`ua=`, `upstream_addr=`) are kept as byte ranges. The
/// time is when the request was logged, which nginx and Apache
/// take at its end; their precision is the second.
public struct NginxAccessParser: LineParser {
  public static let format = Format.nginxAccess
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    record(in: line, localOffsetSeconds: .utc) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let record = Self.record(in: line, localOffsetSeconds: localOffsetSeconds) {
      if !record.hasZone { assumedZone = true }
      return .request(record.request)
    }
    return .malformed(
      reason: "not a common/combined access log line (`ADDR - USER [TIME] \"REQUEST\" STATUS BYTES`)")
  }

  @inline(__always)
  private static func record(
    in line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone
  ) -> (request: AccessRecord, hasZone: Bool)? {
    if let first = line.byte(at: 0), ASCII.isDigit(first), line.byte(at: 4) == ASCII.minus {
      return timeFirst(in: line, localOffsetSeconds: localOffsetSeconds)
    }
    var fields = AccessLogFields(line, from: 0)
    guard let address = fields.next(), !address.isQuoted, let ident = fields.next(), !ident.isQuoted,
      let user = fields.next(), !user.isQuoted, var timeField = fields.next()
    else { return nil }
    // Apache's vhost_combined puts the virtual host first: `www.example.com:80 1.2.3.4 - user [time] …`.
    if line.byte(at: timeField.range.lowerBound - 1) != ASCII.openBracket, !timeField.isQuoted {
      guard let next = fields.next() else { return nil }
      timeField = next
    }
    guard line.byte(at: timeField.range.lowerBound - 1) == ASCII.openBracket,
      let time = time(in: line, timeField.range, localOffsetSeconds: localOffsetSeconds),
      let request = fields.next(), request.isQuoted,
      let status = fields.nextInteger(), status >= 100, status <= 999,
      let size = fields.next(), !size.isQuoted
    else { return nil }
    var record = AccessRecord(time: time.timestamp, status: Int(status), durationMilliseconds: 0)
    record.client = address.range
    (record.method, record.path) = AccessRequestLine.parts(of: request.range, in: line)
    readTail(after: &fields, into: &record)
    return (record, time.hasZone)
  }

  /// `$time_local` (`27/Nov/2026:03:00:01 +0000`), or Werkzeug's `27/Nov/2026 03:00:01` without a zone.
  @inline(__always)
  private static func time(
    in line: UnsafeRawBufferPointer, _ range: Range<Int>, localOffsetSeconds: LocalZone
  ) -> ScannedTime? {
    if let time = TimestampScanner.commonLog(in: line, at: range.lowerBound), time.end == range.upperBound {
      return time
    }
    var years = YearlessDates(path: "", year: nil)
    guard let found = TimeShapes.read(line, at: range.lowerBound), found.shape == .commonLog,
      found.time.end == range.upperBound
    else { return nil }
    return found.time.resolved(localOffsetSeconds: localOffsetSeconds, years: &years)
  }

  /// The time-first layout some Apache setups log: `2013-02-11T06:43:36 ADDR USER METHOD URI QUERY STATUS BYTES
  /// "referer" "agent"`.
  private static func timeFirst(
    in line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone
  ) -> (request: AccessRecord, hasZone: Bool)? {
    guard let time = TimestampScanner.dateTime(in: line, at: 0, localOffsetSeconds: localOffsetSeconds),
      line.byte(at: time.end) == ASCII.space
    else { return nil }
    var fields = AccessLogFields(line, from: time.end)
    guard let address = fields.next(), !address.isQuoted, let user = fields.next(), !user.isQuoted,
      let method = fields.next(), !method.isQuoted,
      method.range.allSatisfy({ ASCII.isUpperLetter(line[$0]) }),
      let uri = fields.next(), line.byte(at: uri.range.lowerBound) == ASCII.slash,
      let query = fields.next(), !query.isQuoted,
      let status = fields.nextInteger(), status >= 100, status <= 999
    else { return nil }
    return (AccessRecord(time: time.timestamp, status: Int(status), durationMilliseconds: 0), time.hasZone)
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
