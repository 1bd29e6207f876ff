/// Kubernetes node logs as containerd and CRI-O write them (`/var/log/pods/…/0.log`):
/// `2026-11-27T03:04:11.123456789Z stdout F <the container's line>`.
///
/// The time is the runtime's (RFC 3339 with nanoseconds); the level and message are the container's own
/// line's (see `EmbeddedLine`). A line longer than the runtime's buffer is split into `P` (partial) pieces
/// ended by an `F` piece: the first piece is the event, the rest continue it.
public struct CRILogParser: LineParser {
  public static let format = Format.criLog
  /// A chunk whose first lines continue a partial line of the chunk before reads them as events of their
  /// own: the split is rare and costs at most one extra event per chunk.
  public static let linesAreIndependent = true
  /// The runtime writes UTC with a zone: nothing is assumed.
  public let assumedZone = false
  private var partial = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    prefix(of: line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let prefix = Self.prefix(of: line) else {
      partial = false
      return .malformed(reason: "not `<RFC 3339 time> stdout|stderr F|P <line>`")
    }
    defer { partial = prefix.isPartial }
    if partial { return .continuation }
    let embedded = EmbeddedLine.read(line, from: prefix.lineStart)
    return .log(LogEvent(time: prefix.time, level: embedded.level, message: embedded.message))
  }

  private struct Prefix {
    var time: Timestamp
    var isPartial: Bool
    var lineStart: Int
  }

  /// `<time> stdout|stderr F|P `: the runtime's time always names its zone.
  private static func prefix(of line: UnsafeRawBufferPointer) -> Prefix? {
    guard let time = TimestampScanner.dateTime(in: line, at: 0, localOffsetSeconds: .utc), time.hasZone,
      line.byte(at: time.end) == ASCII.space
    else { return nil }
    let stream = time.end + 1
    let tag: Int
    if line.matches("stdout ", at: stream) || line.matches("stderr ", at: stream) {
      tag = stream + 7
    } else {
      return nil
    }
    guard let flag = line.byte(at: tag), flag == 0x46 || flag == 0x50,
      line.byte(at: tag + 1) == ASCII.space || tag + 1 == line.count
    else { return nil }
    return Prefix(time: time.timestamp, isPartial: flag == 0x50, lineStart: min(tag + 2, line.count))
  }
}
