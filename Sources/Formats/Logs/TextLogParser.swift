/// Plain-text logs that open each event with a time stamp and perhaps a level word: Python `logging`
/// (`2026-11-27 03:00:01,123 - shipping.db - ERROR - …`, Flask's `[2026-11-27 03:00:01,123] ERROR in app: …`),
/// Go's `log` (`2026/11/27 03:00:01 Connecting to …`), nginx's error log (`2026/11/27 03:00:01 [error] 7#7: …`),
/// zap's console encoder (`2026-11-27T03:00:01.123Z\tERROR\tshipping/db.go:42\t…`).
///
/// The fallback of detection: a specific format that recognises the same lines wins the tie (it is listed
/// first). The level is the first level word near the start (see `LevelWord`), `info` without one; lines
/// without a leading time continue the event before them (Python tracebacks, Go panics).
public struct TextLogParser: LineParser {
  public static let format = Format.textLog
  /// A chunk whose first lines continue an event of the chunk before reads them as structure, not as
  /// continuations: both are only counted as read.
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: Int
  private var sawEvent = false

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.utcOffsetSeconds
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    leadingTime(in: line, localOffsetSeconds: 0) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let time = Self.leadingTime(in: line, localOffsetSeconds: localOffsetSeconds) else {
      return sawEvent ? .continuation : .structure
    }
    sawEvent = true
    if !time.hasZone { assumedZone = true }
    var after = time.end
    if line.byte(at: after) == ASCII.closeBracket { after += 1 }
    let found = LevelWord.find(in: line, from: after)
    let start = found?.messageStart ?? line.skippingBlanks(from: after)
    return .log(LogEvent(time: time.timestamp, level: found?.level ?? .info, message: start..<line.count))
  }

  /// `yyyy-MM-dd HH:mm:ss…` or `yyyy/MM/dd HH:mm:ss…` at the start, or the first inside `[`, followed by a
  /// blank, a tab or the closing bracket.
  private static func leadingTime(in line: UnsafeRawBufferPointer, localOffsetSeconds: Int) -> ScannedTime? {
    let start = line.byte(at: 0) == ASCII.openBracket ? 1 : 0
    let time =
      line.byte(at: start + 4) == ASCII.slash
      ? TimestampScanner.slashedDateTime(in: line, at: start, localOffsetSeconds: localOffsetSeconds)
      : TimestampScanner.dateTime(in: line, at: start, localOffsetSeconds: localOffsetSeconds)
    guard let time, let next = line.byte(at: time.end) else { return nil }
    let closes = start == 1 ? next == ASCII.closeBracket : ASCII.isBlank(next)
    return closes ? time : nil
  }
}
