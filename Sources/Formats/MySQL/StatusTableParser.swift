/// `mysqladmin extended-status` (`ext`, with `-i N -c M` one table per sample, with `-r` differences after
/// the first), and `SHOW GLOBAL STATUS` / `SHOW [GLOBAL] VARIABLES` as the `mysql` client draws them.
///
/// ```
/// +-----------------------------------------------+------------------------------------+
/// | Variable_name                                 | Value                              |
/// +-----------------------------------------------+------------------------------------+
/// | Aborted_clients                               | 0                                  |
/// | Threads_connected                             | 3                                  |
/// +-----------------------------------------------+------------------------------------+
/// ```
/// Each table is one sample time: its samples are handed out once its closing border is read (see
/// `StatusClock` for the time, `RelativeStatus` for `-r`).
public struct StatusTableParser: LineParser {
  public static let format = Format.mysqlStatusTable

  /// A `+---+---+` border, the `| Variable_name | Value |` header, or a `| Name | value |` row: two cells,
  /// the first a variable name. A processlist row has more cells and starts with a number.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    let line = ClientLines.droppingTrailingBlanks(line)
    if let border = TableBorder(line) { return border.columnCount == 2 }
    guard line.count > 4, line[0] == 0x7C, line[line.count - 1] == 0x7C,
      let middle = line.index(of: 0x7C, from: 1, to: line.count - 1),
      line.index(of: 0x7C, from: middle + 1, to: line.count - 1) == nil
    else { return false }
    var start = 1
    while start < middle, line[start] == ASCII.space { start += 1 }
    var end = middle
    while end > start, line[end - 1] == ASCII.space { end -= 1 }
    return ClientLines.isName(line, start..<end)
  }

  public var series: [MetricSeries] { dumps.series }
  public var assumedZone: Bool { dumps.assumedZone }

  private enum Phase {
    case outside
    /// After a top border, before the header.
    case header(TableBorder)
    /// After the header, before the border under it.
    case headerRule(TableBorder)
    case rows(TableBorder)
    /// A table of something else, skipped to its closing border.
    case foreign(bordersSeen: Int)
  }

  private var phase = Phase.outside
  private var dumps: StatusDumps
  /// Where the current table started, for citations and messages.
  private var tableLine = 0
  private var cells: [Range<Int>] = []

  public init(context: ParserContext) {
    dumps = StatusDumps(context: context, readsRelative: true)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let line = ClientLines.droppingTrailingBlanks(line)
    if line.isEmpty { return .structure }
    if TableBorder.isBorder(line) { return border(line, number: number) }
    if line[0] == 0x7C { return pipedLine(line, number: number) }
    if let stamp = SnapshotClock.stamp(in: line) {
      phase = .outside
      return dumps.stamp(stamp)
    }
    if ClientLines.isTrailer(line) {
      phase = .outside
      return dumps.end()
    }
    if ClientLines.isPrompt(line) { return .structure }
    if case .rows = phase {
      return .malformed(reason: "line \(number) inside the status table at line \(tableLine) is not a row")
    }
    return .malformed(reason: "line \(number) is not part of a status table")
  }

  /// A capture cut off inside a table still yields the rows it has.
  public mutating func finish() -> Record? {
    switch phase {
    case .rows:
      phase = .outside
      return dumps.end()
    case .header, .headerRule:
      phase = .outside
      return .malformed(reason: "status table at line \(tableLine) ends before its rows")
    case .outside, .foreign:
      return nil
    }
  }

  public mutating func nextCompleted() -> Record? {
    dumps.nextCompleted()
  }

  public var fault: FormatError? { dumps.fault }

  private mutating func border(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let border = TableBorder(line) else {
      return .malformed(reason: "line \(number) looks like a table border but is not one")
    }
    switch phase {
    case .outside, .header:
      tableLine = number
      phase = .header(border)
    case .headerRule:
      phase = .rows(border)
      return dumps.begin(number: tableLine)
    case .rows:
      phase = .outside
      return dumps.end()
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
      guard cells.count == 2, ClientLines.isHeader(line, name: cells[0], value: cells[1]) else {
        phase = .foreign(bordersSeen: 0)
        return .malformed(
          reason: "table at line \(tableLine) is not SHOW STATUS or SHOW VARIABLES output "
            + "(no Variable_name and Value columns); its rows are not read")
      }
      phase = .headerRule(border)
      return .structure
    case .headerRule:
      phase = .outside
      return .malformed(reason: "line \(number): a second header line where a border was expected")
    case .rows(let border):
      guard border.cells(of: line, into: &cells) else {
        return .malformed(
          reason: "row at line \(number) does not fit the columns of the table at line \(tableLine)")
      }
      return dumps.add(line, name: cells[0], value: cells[1], number: number)
    case .foreign:
      return .structure
    }
  }
}
