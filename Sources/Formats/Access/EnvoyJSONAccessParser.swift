/// Envoy's access log in JSON (Istio's `accessLogEncoding: JSON`, or a `json_format` of the default
/// fields): `{"start_time":"2020-11-25T21:26:18.409Z","method":"GET","path":"/status/418",
/// "response_code":418,"duration":4,"upstream_cluster":"outbound|8000||httpbin.foo.svc.cluster.local",…}`.
///
/// `start_time`, `response_code` and `duration` make a record; a TCP connection has `response_code` 0. As in
/// the text format, the time is the request's start.
public struct EnvoyJSONAccessParser: LineParser {
  public static let format = Format.envoyAccessJSON
  public static let linesAreIndependent = true
  public let assumedZone = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if case .record = read(line) { return true }
    return false
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch Self.read(line) {
    case .record(let record): .request(record)
    case .malformed(let reason): .malformed(reason: reason)
    }
  }

  private enum Reading {
    case record(AccessRecord)
    case malformed(String)
  }

  private static func read(_ line: UnsafeRawBufferPointer) -> Reading {
    var start: JSONValueRange?
    var code: JSONValueRange?
    var duration: JSONValueRange?
    var cluster: JSONValueRange?
    let complete = JSONObjectScanner.forEachMember(in: line) { key, value in
      switch key.count {
      case 8 where line.matches("duration", at: key.lowerBound): duration = value
      case 10 where line.matches("start_time", at: key.lowerBound): start = value
      case 13 where line.matches("response_code", at: key.lowerBound): code = value
      case 16 where line.matches("upstream_cluster", at: key.lowerBound): cluster = value
      default: break
      }
    }
    guard complete, let start, let code, let duration else {
      return .malformed("not an Envoy JSON access log object (start_time, response_code, duration)")
    }
    guard start.isString,
      let time = TimestampScanner.dateTime(in: line, at: start.range.lowerBound, localOffsetSeconds: .utc),
      time.hasZone, time.end == start.range.upperBound
    else { return .malformed("start_time is not an RFC 3339 time") }
    guard let status = number(line, code), status < 1000, let milliseconds = number(line, duration) else {
      return .malformed("response_code or duration is not a number")
    }
    let upstream = cluster.flatMap { value -> Range<Int>? in
      guard value.isString, !value.range.isEmpty else { return nil }
      return value.range.count == 1 && line[value.range.lowerBound] == ASCII.minus ? nil : value.range
    }
    return .record(
      AccessRecord(
        time: time.timestamp, status: Int(status), durationMilliseconds: Double(milliseconds),
        upstreamCluster: upstream))
  }

  /// A JSON number, or a number in a string (`"upstream_service_time":"3"` style).
  private static func number(_ line: UnsafeRawBufferPointer, _ value: JSONValueRange) -> Int64? {
    guard let parsed = line.unsignedInteger(at: value.range.lowerBound), parsed.end == value.range.upperBound
    else { return nil }
    return parsed.value
  }
}
