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

  private enum Phase {
    case outside
    /// After a top border, before the header.
    case header(TableBorder)
    /// After the header, before the border under it.
    case headerRule(TableBorder, ProcesslistColumns)
    case rows(TableBorder, ProcesslistColumns)
    /// A table of something else (`Variable_name | Value`), skipped to its end.
    case foreign(bordersSeen: Int)
  }

  private var phase = Phase.outside
  private var clock: SnapshotClock
  /// Where the current table started, for citations and messages.
  private var tableLine = 0
  private var rows: [ProcesslistRow] = []
  private var cells: [Range<Int>] = []

  public init(context: ParserContext) {
    clock = SnapshotClock(path: context.path, utcOffsetSeconds: context.options.utcOffsetSeconds)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let line = Self.droppingTrailingBlanks(line)
    if line.isEmpty { return .structure }
    if TableBorder.isBorder(line) { return border(line, number: number) }
    if line[0] == 0x7C { return pipedLine(line, number: number) }
    if let stamp = SnapshotClock.stamp(in: line) {
      // A capture that was cut off mid-table still yields what it read, with the time it was taken at.
      let interrupted: Record? = if case .rows = phase { closeSnapshot() } else { nil }
      phase = .outside
      clock.latestStamp = stamp
      return interrupted ?? .structure
    }
    if ClientLines.isTrailer(line) { return trailer(line, number: number) }
    if ClientLines.isPrompt(line) { return .structure }
    if case .rows = phase {
      return .malformed(
        reason: "line \(number) inside the processlist table at line \(tableLine) is not a row")
    }
    return .malformed(reason: "line \(number) is not part of a processlist table")
  }

  public mutating func finish() -> Record? {
    switch phase {
    case .rows:
      return closeSnapshot()
    case .header, .headerRule:
      phase = .outside
      return .malformed(reason: "processlist table at line \(tableLine) ends before its rows")
    case .outside, .foreign:
      return nil
    }
  }

  private mutating func border(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let border = TableBorder(line) else {
      return .malformed(reason: "line \(number) looks like a table border but is not one")
    }
    switch phase {
    case .outside, .header:
      tableLine = number
      phase = .header(border)
    case .headerRule(_, let columns):
      phase = .rows(border, columns)
    case .rows:
      return closeSnapshot()
    case .foreign(let bordersSeen):
      phase = bordersSeen == 0 ? .foreign(bordersSeen: 1) : .outside
    }
    return .structure
  }

  private mutating func pipedLine(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch phase {
    case .outside:
      return .malformed(reason: "line \(number) is a table row outside any table")
    case .header(let border):
      guard border.cells(of: line, into: &cells) else {
        phase = .outside
        return .malformed(reason: "header at line \(number) does not fit the border above it")
      }
      guard let columns = ProcesslistColumns(header: line, cells: cells) else {
        phase = .foreign(bordersSeen: 0)
        return .malformed(
          reason:
            "table at line \(tableLine) is not a processlist: no Id, User, Host, Command and Time columns")
      }
      phase = .headerRule(border, columns)
      return .structure
    case .headerRule:
      phase = .outside
      return .malformed(reason: "line \(number): a second header line where a border was expected")
    case .rows(let border, let columns):
      guard border.cells(of: line, into: &cells) else {
        return .malformed(
          reason: "row at line \(number) does not fit the columns of the table at line \(tableLine)")
      }
      switch columns.row(line, cells: cells) {
      case .row(let row):
        rows.append(row)
        return .structure
      case .malformed(let reason):
        return .malformed(reason: "row at line \(number): \(reason)")
      }
    case .foreign:
      return .malformed(
        reason: "line \(number) belongs to the table at line \(tableLine), which is not a processlist")
    }
  }

  /// `N rows in set (…)` closes a table still open; `Empty set (…)` is a snapshot with no rows.
  private mutating func trailer(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch phase {
    case .rows:
      return closeSnapshot()
    case .outside where ClientLines.isEmptySet(line):
      tableLine = number
      return closeSnapshot()
    case .header, .headerRule, .foreign:
      phase = .outside
      return .structure
    case .outside:
      return .structure
    }
  }

  private mutating func closeSnapshot() -> Record {
    phase = .outside
    let rows = self.rows
    self.rows = []
    switch clock.time(forSnapshotAt: tableLine) {
    case .success(let time): return .snapshot(ProcesslistSnapshot(time: time, line: tableLine, rows: rows))
    case .failure(let untimed): return .malformed(reason: untimed.reason)
    }
  }

  private static func droppingTrailingBlanks(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    var end = line.count
    while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: line[..<end])
  }
}
