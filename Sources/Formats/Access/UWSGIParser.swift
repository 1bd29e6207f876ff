/// uWSGI's request log (the default `log-format`):
/// `[pid: 24386|app: 0|req: 482950/4125645] 86.221.170.65 () {44 vars in 1322 bytes} [Tue Jan  3 05:01:31 2012]
/// GET /contest/… => generated 192 bytes in 21 msecs (HTTP/1.1 200) 4 headers in 188 bytes (1 switches on core 0)`.
///
/// The time is when the request was logged, local without a zone (`--tz`); the duration the `in N msecs` (or
/// `micros`); the status the one in `(HTTP/1.1 200)`. uWSGI's own lines (`*** Starting uWSGI …`) continue the
/// request before them.
public struct UWSGIParser: LineParser {
  public static let format = Format.uwsgi
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var sawEvent = false
  private var years = YearlessDates(path: "", year: nil)

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    var years = YearlessDates(path: "", year: nil)
    return record(in: line, localOffsetSeconds: .utc, years: &years) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let record = Self.record(in: line, localOffsetSeconds: localOffsetSeconds, years: &years) {
      sawEvent = true
      assumedZone = true
      return .request(record)
    }
    if line.matches("[pid: ", at: 0) {
      return .malformed(reason: "uWSGI request line without `[time] … in N msecs (HTTP/x STATUS)`")
    }
    return sawEvent ? .continuation : .structure
  }

  private static func record(
    in line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone, years: inout YearlessDates
  ) -> AccessRecord? {
    guard line.matches("[pid: ", at: 0), let close = line.index(of: ASCII.closeBracket, from: 6),
      let braces = line.index(of: ASCII.closeBrace, from: close),
      let open = line.index(of: ASCII.openBracket, from: braces),
      let found = TimeShapes.read(line, at: open + 1), line.byte(at: found.time.end) == ASCII.closeBracket,
      let time = found.time.resolved(localOffsetSeconds: localOffsetSeconds, years: &years)
    else { return nil }
    var duration = 0.0
    var status = 0
    var index = found.time.end
    while let space = line.index(of: ASCII.space, from: index) {
      index = space + 1
      if line.matches("in ", at: index), let number = line.unsignedInteger(at: index + 3),
        line.byte(at: number.end) == ASCII.space
      {
        if line.matches("msecs", at: number.end + 1) { duration = Double(number.value) }
        if line.matches("micros", at: number.end + 1) { duration = Double(number.value) / 1000 }
      } else if line.matches("(HTTP/", at: index), let blank = line.index(of: ASCII.space, from: index),
        let code = line.unsignedInteger(at: blank + 1)
      {
        status = Int(code.value)
        break
      }
    }
    guard status > 0 else { return nil }
    return AccessRecord(time: time.timestamp, status: status, durationMilliseconds: duration)
  }
}
