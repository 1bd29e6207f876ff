/// Google's glog and Kubernetes' klog (kubelet, the API server, the scheduler, the controller manager):
/// `E0517 15:04:22.619632 1952452992 logging_unittest.cc:253] message` — the level letter (`I`nfo, `W`arning,
/// `E`rror, `F`atal), the month and day without a year (taken as syslog's is, see `YearlessDates`; newer glog
/// writes the year: `I20200308 23:47:32.089828 …`), the thread id, the source file and line, then the message.
///
/// The source file (`kubelet.go:2453`) stays in the line: the service is the component's, which the path names.
/// Lines without the header continue the event before them (a multi-line message, a goroutine dump).
public struct GlogParser: LineParser {
  public static let format = Format.glog
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var years: YearlessDates
  private var sawEvent = false

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
    years = YearlessDates(path: context.path, year: context.options.year)
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    header(of: line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let header = Self.header(of: line) else { return sawEvent ? .continuation : .structure }
    guard let time = header.time.resolved(localOffsetSeconds: localOffsetSeconds, years: &years) else {
      return .malformed(reason: "glog time without a year and no file date to take it from: give --year")
    }
    sawEvent = true
    if !time.hasZone { assumedZone = true }
    return .log(LogEvent(time: time.timestamp, level: header.level, message: header.message))
  }

  private struct Header {
    var time: WrittenTime
    var level: LogLevel
    var message: Range<Int>
  }

  /// `Lmmdd hh:mm:ss.uuuuuu threadid file:line] ` with the year optional; nil when the line is not a header.
  @inline(__always)
  private static func header(of line: UnsafeRawBufferPointer) -> Header? {
    guard let letter = line.byte(at: 0), let level = level(letter),
      let found = TimeShapes.read(line, at: 1), found.shape == .glog || found.shape == .compact,
      line.byte(at: found.time.end) == ASCII.space
    else { return nil }
    let thread = line.skippingBlanks(from: found.time.end)
    guard let id = line.unsignedInteger(at: thread), line.byte(at: id.end) == ASCII.space else { return nil }
    let file = id.end + 1
    guard let close = line.index(of: ASCII.closeBracket, from: file, to: min(line.count, file + 256)),
      let colon = line.index(of: ASCII.colon, from: file, to: close), colon > file  // `file:line]`
    else { return nil }
    let message = line.byte(at: close + 1) == ASCII.space ? close + 2 : close + 1
    return Header(time: found.time, level: level, message: message..<line.count)
  }

  @inline(__always)
  private static func level(_ letter: UInt8) -> LogLevel? {
    switch letter {
    case 0x49: .info  // I
    case 0x57: .warn  // W
    case 0x45: .error  // E
    case 0x46: .fatal  // F
    default: nil
    }
  }
}
