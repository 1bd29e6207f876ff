/// `SHOW [FULL] PROCESSLIST` as the `mysql` client prints it in table form, one or more snapshots per file.
///
/// ```
/// TS 1520256297.002113337 2018-03-05 13:24:57
/// +-------+----------+------------------+-------+---------+------+-------------+------------------+
/// | Id    | User     | Host             | db    | Command | Time | State       | Info             |
/// +-------+----------+------------------+-------+---------+------+-------------+------------------+
/// | 52605 | rdsadmin | localhost:26632  | mysql | Sleep   |   13 |             | NULL             |
/// +-------+----------+------------------+-------+---------+------+-------------+------------------+
/// 1 row in set (0.00 sec)
/// ```
/// A snapshot is returned by the `parse` call that reads its closing border (or its `N rows in set`
/// trailer, or a `TS` line that interrupts it); row lines themselves are structure.
public struct ProcesslistTableParser: LineParser {
  public static let format = Format.mysqlProcesslistTable

  /// A `+---` border or a `| Id |` header. `TS` lines open other pt-stalk captures too: they are read, but
  /// do not vouch for the format.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if TableBorder(line) != nil { return true }
    guard line.count > 1, line[0] == 0x7C else { return false }
    var start = 1
    while start < line.count, line[start] == 0x20 { start += 1 }
    var end = start
    while end < line.count, line[end] != 0x20, line[end] != 0x7C { end += 1 }
    return ByteLiterals.equalsIgnoringCase(line, start..<end, "id")
  }

  public var assumedZone: Bool { clock.assumedZone }

  public var fault: FormatError? { clock.untimed }

  private var table = ClientTable<ProcesslistColumns>(subject: "processlist")
  private var clock: SnapshotClock
  private var rows: [ProcesslistRow] = []

  public init(context: ParserContext) {
    clock = SnapshotClock(path: context.path, utcOffsetSeconds: context.options.zone)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let line = ClientLines.droppingTrailingBlanks(line)
    if line.isEmpty { return .structure }
    if TableBorder.isBorder(line) { return record(table.border(line, number: number)) }
    if line[0] == 0x7C {
      let step = table.piped(line, number: number) { header, cells in
        ProcesslistColumns(header: header, cells: cells).map { .success($0) }
          ?? .failure(.init(expected: "a processlist (no Id, User, Host, Command and Time columns)"))
      }
      guard case .row(let columns) = step else { return record(step) }
      switch columns.row(line, cells: table.cells) {
      case .row(let row):
        rows.append(row)
        return .structure
      case .malformed(let reason):
        return .malformed(reason: "row at line \(number): \(reason)")
      }
    }
    if let stamp = SnapshotClock.stamp(in: line) {
      // A capture that was cut off mid-table still yields what it read, with the time it was taken at.
      let interrupted: Record? = table.isReadingRows ? closeSnapshot() : nil
      table.leave()
      clock.latestStamp = stamp
      return interrupted ?? .structure
    }
    if ClientLines.isTrailer(line) { return trailer(line, number: number) }
    if ClientLines.isPrompt(line) { return .structure }
    return .malformed(reason: table.stray(number))
  }

  public mutating func finish() -> Record? {
    guard let step = table.finish() else { return nil }
    return record(step)
  }

  private mutating func record(_ step: ClientTable<ProcesslistColumns>.Step) -> Record {
    switch step {
    case .structure, .opened, .row: .structure
    case .closed: closeSnapshot()
    case .malformed(let reason): .malformed(reason: reason)
    }
  }

  /// `N rows in set (…)` closes a table still open; `Empty set (…)` is a snapshot with no rows.
  private mutating func trailer(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if table.isReadingRows { return closeSnapshot() }
    table.leave()
    guard ClientLines.isEmptySet(line) else { return .structure }
    table.markEmpty(at: number)
    return closeSnapshot()
  }

  private mutating func closeSnapshot() -> Record {
    table.leave()
    let rows = self.rows
    self.rows = []
    switch clock.time(forSnapshotAt: table.line) {
    case .success(let time): return .snapshot(ProcesslistSnapshot(time: time, line: table.line, rows: rows))
    case .failure(let untimed): return .malformed(reason: untimed.reason)
    }
  }
}
