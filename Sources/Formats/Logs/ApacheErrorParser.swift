/// Apache httpd's error log, and CUPS's, which lnav reads as the same "common error log":
/// - 2.4: `[Tue Apr 04 06:28:08.605341 2017] [core:error] [pid 17962] [client 127.0.0.1:60444] AH00135: …`;
/// - 2.2: `[Thu Jan 17 02:42:49 2013] [notice] Digest: generating secret …`;
/// - CUPS: `E [08/Jun/2013:11:28:58 -0700] Unknown directive BrowseOrder …`, a level letter first.
///
/// httpd writes local time without a zone (`--tz`); the level is the one in `[module:level]` or `[level]`
/// (`emerg` … `debug`, `trace1`–`trace8`); the module (`core`, `proxy`, `ssl`) stays in the line, the service
/// being the server's, which the path names. CUPS's letters are `E`rror, `W`arn, `I`nfo,
/// `N`otice, `D`ebug, `d` debug, `C`ritical, `A`lert, `X` emergency. Other lines continue the event before.
public struct ApacheErrorParser: LineParser {
  public static let format = Format.apacheError
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var sawEvent = false
  private var years = YearlessDates(path: "", year: nil)

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    header(of: line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let header = Self.header(of: line),
      let time = header.time.resolved(localOffsetSeconds: localOffsetSeconds, years: &years)
    else { return sawEvent ? .continuation : .structure }
    sawEvent = true
    if !time.hasZone { assumedZone = true }
    return .log(LogEvent(time: time.timestamp, level: header.level, message: header.message))
  }

  private struct Header {
    var time: WrittenTime
    var level: LogLevel
    var message: Range<Int>
  }

  @inline(__always)
  private static func header(of line: UnsafeRawBufferPointer) -> Header? {
    if line.byte(at: 0) == ASCII.openBracket {
      guard let found = TimeShapes.read(line, at: 1), found.shape == .weekday,
        line.byte(at: found.time.end) == ASCII.closeBracket, line.byte(at: found.time.end + 1) == ASCII.space,
        line.byte(at: found.time.end + 2) == ASCII.openBracket,
        let close = line.index(of: ASCII.closeBracket, from: found.time.end + 3)
      else { return nil }
      // `[module:level]` (2.4) or `[level]` (2.2).
      var levelRange = (found.time.end + 3)..<close
      if let colon = line.index(of: ASCII.colon, from: levelRange.lowerBound, to: close) {
        levelRange = (colon + 1)..<close
      }
      guard let level = level(line, levelRange) else { return nil }
      return Header(time: found.time, level: level, message: messageStart(line, after: close)..<line.count)
    }
    guard let letter = line.byte(at: 0), let level = cupsLevel(letter), line.byte(at: 1) == ASCII.space,
      line.byte(at: 2) == ASCII.openBracket, let found = TimeShapes.read(line, at: 3),
      found.shape == .commonLog,
      line.byte(at: found.time.end) == ASCII.closeBracket
    else { return nil }
    return Header(
      time: found.time, level: level,
      message: line.skippingBlanks(from: found.time.end + 1)..<line.count)
  }

  /// After the level block: the `[pid …]` and `[client …]` blocks, then the message.
  @inline(__always)
  private static func messageStart(_ line: UnsafeRawBufferPointer, after close: Int) -> Int {
    var index = line.skippingBlanks(from: close + 1)
    while line.matches("[pid ", at: index) || line.matches("[client ", at: index)
      || line.matches("[remote ", at: index)
    {
      guard let end = line.index(of: ASCII.closeBracket, from: index) else { break }
      index = line.skippingBlanks(from: end + 1)
    }
    return index
  }

  /// httpd's level names; `trace1`…`trace8` are trace.
  @inline(__always)
  private static func level(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> LogLevel? {
    if range.count == 6, line.matches("trace", at: range.lowerBound),
      ASCII.isDigit(line[range.upperBound - 1])
    {
      return .trace
    }
    return LogLevel(name: line, range)
  }

  @inline(__always)
  private static func cupsLevel(_ letter: UInt8) -> LogLevel? {
    switch letter {
    case 0x45: .error  // E
    case 0x57: .warn  // W
    case 0x49, 0x4E: .info  // I, N
    case 0x44, 0x64: .debug  // D, d
    case 0x43, 0x41, 0x58: .fatal  // C, A, X
    default: nil
    }
  }
}
