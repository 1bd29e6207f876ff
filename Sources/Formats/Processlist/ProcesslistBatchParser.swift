/// `SHOW [FULL] PROCESSLIST` (or a selection from `information_schema.processlist` or `performance_schema`) as
/// `mysql -B`, or `mysql -e` into a pipe, prints it: a tab-separated header, then a line per row.
///
/// ```
/// Id	User	Host	db	Command	Time	State	Info
/// 21	msandbox	localhost:54732	NULL	Binlog Dump	3081	Has sent all binlog to slave; waiting for binlog to be updated	NULL
/// ```
/// SQL NULL is `NULL`; tabs, newlines, backslashes and NUL inside values are escaped (`BatchFields`). A
/// snapshot ends at a `TS` line, at the next header line, at a prompt or trailer pasted in, or at the end of
/// the source, and is returned by the call that reads its end. Output of `mysql -N` names no columns and
/// cannot be read: its rows are reported.
public struct ProcesslistBatchParser: LineParser {
  public static let format = Format.mysqlProcesslistBatch

  /// A tab-separated header naming at least `Id`, `User`, `Host`, `Command` and `Time`. `TS` lines open other
  /// pt-stalk captures too: they are read, but do not vouch for the format.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard line.index(of: ASCII.tab, from: 0) != nil else { return false }
    var cells: [Range<Int>] = []
    BatchFields.cut(line, into: &cells)
    return ProcesslistColumns(header: line, cells: cells) != nil
  }

  public var assumedZone: Bool { clock.assumedZone }

  public var fault: FormatError? { clock.untimed }

  private struct OpenSnapshot {
    /// The line of its header, for citations.
    var line: Int
    var columns: ProcesslistColumns
    var columnCount: Int
    var rows: [ProcesslistRow] = []
    var brokenRows = 0
  }

  private var clock: SnapshotClock
  private var snapshot: OpenSnapshot?
  private var cells: [Range<Int>] = []
  private var fields = BatchFields()

  public init(context: ParserContext) {
    clock = SnapshotClock(path: context.path, utcOffsetSeconds: context.options.zone)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let line = ClientLines.droppingCarriageReturn(line)
    if line.isEmpty { return .structure }
    if let stamp = SnapshotClock.stamp(in: line) {
      let ended = endSnapshot()
      clock.latestStamp = stamp
      return ended ?? .structure
    }
    if ClientLines.isTrailer(line) || ClientLines.isPrompt(line) { return endSnapshot() ?? .structure }
    BatchFields.cut(line, into: &cells)
    // Rows start with their Id; only a line that does not can be a header (or a row of a reordered selection).
    if !ASCII.isDigit(line[0]), let columns = ProcesslistColumns(header: line, cells: cells) {
      let ended = endSnapshot()
      snapshot = OpenSnapshot(line: number, columns: columns, columnCount: cells.count)
      return ended ?? .structure
    }
    // Not `guard let open = snapshot`: a copy would share the rows, and every append would copy them.
    guard let columns = snapshot?.columns, let header = snapshot?.line,
      let columnCount = snapshot?.columnCount
    else {
      return .malformed(
        reason: "line \(number) is a row before any header line (`mysql -N` output names no columns)")
    }
    guard cells.count == columnCount else {
      snapshot!.brokenRows += 1
      return .malformed(
        reason:
          "row at line \(number) has \(cells.count) fields where the header at line \(header) has \(columnCount)"
      )
    }
    switch fields.reading(line, cells, columns.row) {
    case .row(let row):
      snapshot!.rows.append(row)
      return .structure
    case .malformed(let reason):
      snapshot!.brokenRows += 1
      return .malformed(reason: "row at line \(number): \(reason)")
    }
  }

  public mutating func finish() -> Record? {
    endSnapshot()
  }

  /// The snapshot being read, dated by the clock; nil when there is none, or when every row of it was broken
  /// (they are reported, and "no connections" would be a claim the capture does not make).
  private mutating func endSnapshot() -> Record? {
    guard let open = snapshot else { return nil }
    snapshot = nil
    if open.rows.isEmpty {
      return open.brokenRows > 0
        ? nil : .malformed(reason: "the processlist header at line \(open.line) has no rows under it")
    }
    switch clock.time(forSnapshotAt: open.line) {
    case .success(let time):
      return .snapshot(ProcesslistSnapshot(time: time, line: open.line, rows: open.rows))
    case .failure(let untimed): return .malformed(reason: untimed.reason)
    }
  }
}
