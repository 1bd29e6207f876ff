/// MongoDB 4.4 and later, which logs structured JSON:
/// `{"t":{"$date":"2020-05-01T15:16:17.180+00:00"},"s":"W","c":"NETWORK","id":23016,"ctx":"listener",
/// "msg":"Waiting for connections","attr":{"port":27017}}`.
///
/// The time is `t.$date`, the level `s` (`F` fatal, `E` error, `W` warning, `I` info, `D1`–`D5` debug), the
/// message `msg`. The component `c` (`NETWORK`, `STORAGE`, `REPL`) stays in the line: the service is the
/// server's, which the path names.
public struct MongoDBParser: LineParser {
  public static let format = Format.mongodb
  public static let linesAreIndependent = true
  public let assumedZone = false
  private var sawEvent = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    read(line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let event = Self.read(line) {
      sawEvent = true
      return .log(event)
    }
    if line.matches(#"{"t":"#, at: line.skippingBlanks(from: 0)) {
      return .malformed(reason: #"MongoDB line without "t":{"$date":…} and "s""#)
    }
    return sawEvent ? .continuation : .structure
  }

  @inline(__always)
  private static func read(_ line: UnsafeRawBufferPointer) -> LogEvent? {
    guard line.byte(at: line.skippingBlanks(from: 0)) == ASCII.openBrace else { return nil }
    var time: JSONValueRange?
    var severity: JSONValueRange?
    var message: JSONValueRange?
    let complete = JSONObjectScanner.forEachMember(in: line) { key, value in
      switch key.count {
      case 1:
        switch line[key.lowerBound] {
        case 0x74: time = value  // t
        case 0x73: severity = value  // s
        default: break
        }
      case 3: if line.matches("msg", at: key.lowerBound) { message = value }
      default: break
      }
    }
    guard complete, let time, !time.isString, let severity, severity.isString,
      let date = line.index(of: ASCII.quote, from: time.range.lowerBound + 1, to: time.range.upperBound),
      line.matches(#""$date":""#, at: date),
      let stamp = TimestampScanner.dateTime(in: line, at: date + 9, localOffsetSeconds: .utc), stamp.hasZone,
      let letter = line.byte(at: severity.range.lowerBound)
    else { return nil }
    let level: LogLevel
    switch letter {
    case 0x46: level = .fatal  // F
    case 0x45: level = .error  // E
    case 0x57: level = .warn  // W
    case 0x49: level = .info  // I
    case 0x44: level = .debug  // D, D1…D5
    default: return nil
    }
    return LogEvent(time: stamp.timestamp, level: level, message: message?.range ?? line.count..<line.count)
  }
}
