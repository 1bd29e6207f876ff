/// `SHOW [FULL] PROCESSLIST\G` as the `mysql` client prints it vertically, one block of `Field: value` lines
/// per row; pt-stalk's `-processlist` files are this form, and so are `information_schema` and
/// `performance_schema` selections ended with `\G`.
///
/// ```
/// TS 1520256297.002113337 2018-03-05 13:24:57
/// *************************** 1. row ***************************
///            Id: 689004
///          User: version_check
///          Host: www-docker01.bm.int.percona.com:48542
///            db: version_check
///       Command: Sleep
///          Time: 9
///         State:
///          Info: NULL
/// ```
/// The client right-aligns the labels, so every label's colon sits in one column: a line whose colon is
/// elsewhere (or that has none) continues the value above it, as a query with newlines in `Info` prints.
/// A snapshot ends at a `TS` line, at a row numbered 1, at an `N rows in set` trailer or a prompt, or at the
/// end of the source, and is returned by the call that reads its end; when that line also ends a broken row,
/// the row's report comes first and the snapshot with the next line.
public struct ProcesslistVerticalParser: LineParser {
  public static let format = Format.mysqlProcesslistVertical

  /// A line labelled with a processlist field (`   User: x`). `TS` lines and `*** N. row ***` markers open
  /// every `\G` capture (`SHOW SLAVE STATUS\G` too), so they are read but do not vouch for the format.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let label = label(in: line) else { return false }
    return ProcesslistField(named: line, label.name) != nil
  }

  public var assumedZone: Bool { clock.assumedZone }

  public var fault: FormatError? { clock.untimed }

  private struct OpenSnapshot {
    /// The line of its first row marker (or of its `Empty set`), for citations.
    var line: Int
    var rows: [ProcesslistRow] = []
    var brokenRows = 0
  }

  /// What a line that is not a label adds to.
  private enum Continuation {
    /// Nothing yet: the row marker was the last line.
    case none
    case field(ProcesslistField)
    /// A column Postmortem does not read (`Rows_sent`), or a value cut by a line the framer dropped.
    case ignored
  }

  private struct OpenRow {
    /// The line of its `*** N. row ***` marker.
    var line: Int
    var draft = ProcesslistRowDraft()
    /// The column of the labels' colons, from the row's first label.
    var colon: Int?
    var continuation = Continuation.none
  }

  private var clock: SnapshotClock
  private var snapshot: OpenSnapshot?
  private var row: OpenRow?
  /// Records waiting to be returned, oldest first: one line can end a broken row and its snapshot.
  private var outbox: [Record] = []
  private var lastNumber = 0
  private var finished = false

  public init(context: ParserContext) {
    clock = SnapshotClock(path: context.path, utcOffsetSeconds: context.options.zone)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    read(ClientLines.droppingCarriageReturn(line), number: number)
    lastNumber = number
    return outbox.isEmpty ? .structure : outbox.removeFirst()
  }

  public mutating func finish() -> Record? {
    if !finished {
      finished = true
      endSnapshot()
    }
    return outbox.isEmpty ? nil : outbox.removeFirst()
  }

  private mutating func read(_ line: UnsafeRawBufferPointer, number: Int) {
    if let stamp = SnapshotClock.stamp(in: line) {
      endSnapshot()
      clock.latestStamp = stamp
      return
    }
    if let ordinal = Self.rowNumber(in: line) {
      if ordinal == 1 { endSnapshot() } else { endRow() }
      if snapshot == nil { snapshot = OpenSnapshot(line: number) }
      row = OpenRow(line: number)
      return
    }
    if ClientLines.isTrailer(line) || ClientLines.isPrompt(line) {
      if ClientLines.isEmptySet(line) {
        endSnapshot()
        snapshot = OpenSnapshot(line: number)
      }
      endSnapshot()
      return
    }
    guard row != nil else {
      if !line.isEmpty { emit(.malformed(reason: "line \(number) is not part of a \\G processlist row")) }
      return
    }
    // A line too long to frame was dropped here: what follows cannot be told to continue the value above.
    if number != lastNumber + 1 { row!.continuation = .ignored }
    if let problem = Self.readRowLine(line, number: number, into: &row!) { emit(problem) }
  }

  /// Reads a line inside a row: a label sets its field, another line continues the text value above it; the
  /// report of a line that can be neither, if any.
  private static func readRowLine(_ line: UnsafeRawBufferPointer, number: Int, into row: inout OpenRow)
    -> Record?
  {
    if let label = label(in: line), row.colon == nil || row.colon == label.colon {
      row.colon = label.colon
      guard let field = ProcesslistField(named: line, label.name) else {
        row.continuation = .ignored
        return nil
      }
      guard !row.draft.has(field) else {
        row.continuation = .ignored
        return .malformed(reason: "line \(number) repeats \(field.name) within the row at line \(row.line)")
      }
      row.draft.set(field, line, label.value)
      row.continuation = .field(field)
      return nil
    }
    switch row.continuation {
    case .field(let field):
      guard !row.draft.append(line: line, to: field), !line.isEmpty else { return nil }
      return .malformed(
        reason: "line \(number) in the row at line \(row.line) is no `Field: value` line, "
          + "and \(field.name) above it is a number")
    case .ignored:
      return nil
    case .none:
      guard !line.isEmpty else { return nil }
      return .malformed(
        reason: "line \(number) after the row marker at line \(row.line) is no `Field: value` line")
    }
  }

  /// Adds the row being read to its snapshot, or reports why it cannot count.
  private mutating func endRow() {
    guard let open = row else { return }
    row = nil
    switch open.draft.row() {
    case .row(let complete):
      snapshot?.rows.append(complete)
    case .malformed(let reason):
      snapshot?.brokenRows += 1
      emit(.malformed(reason: "row at line \(open.line): \(reason)"))
    }
  }

  /// Queues the snapshot being read, dated by the clock; one whose every row was broken is left out, since
  /// its rows are reported and "no connections" would be a claim the capture does not make.
  private mutating func endSnapshot() {
    endRow()
    guard let open = snapshot else { return }
    snapshot = nil
    if open.rows.isEmpty && open.brokenRows > 0 { return }
    switch clock.time(forSnapshotAt: open.line) {
    case .success(let time):
      emit(.snapshot(ProcesslistSnapshot(time: time, line: open.line, rows: open.rows)))
    case .failure(let untimed): emit(.malformed(reason: untimed.reason))
    }
  }

  private mutating func emit(_ record: Record) {
    outbox.append(record)
  }

  /// `N` of `*************************** N. row ***************************`, leading blanks allowed
  /// (Percona's `recset003` has one).
  static func rowNumber(in line: UnsafeRawBufferPointer) -> Int? {
    var index = line.skippingBlanks(from: 0)
    let stars = index
    while index < line.count, line[index] == 0x2A { index += 1 }
    guard index - stars >= 3, line.byte(at: index) == ASCII.space,
      let (ordinal, end) = line.unsignedInteger(at: index + 1), line.matches(". row ", at: end),
      line.byte(at: end + 6) == 0x2A, let fits = Int(exactly: ordinal)
    else { return nil }
    return fits
  }

  /// The label of a `   Name: value` line: its name, the column of its colon, and the value after `: `.
  static func label(in line: UnsafeRawBufferPointer) -> (name: Range<Int>, colon: Int, value: Range<Int>)? {
    let start = line.skippingBlanks(from: 0)
    var index = start
    while index < line.count, Self.isNameByte(line[index]) { index += 1 }
    guard index > start, index < line.count, line[index] == ASCII.colon else { return nil }
    let colon = index
    if colon + 1 == line.count { return (start..<colon, colon, line.count..<line.count) }
    guard line[colon + 1] == ASCII.space else { return nil }
    return (start..<colon, colon, (colon + 2)..<line.count)
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    ASCII.isDigit(byte) || ASCII.isUpperLetter(byte) || ASCII.isLowerLetter(byte) || byte == ASCII.underscore
  }
}
