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

  private var table = ClientTable<Void>(subject: "status")
  private var dumps: StatusDumps

  public init(context: ParserContext) {
    dumps = StatusDumps(context: context, readsRelative: true)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let line = ClientLines.droppingTrailingBlanks(line)
    if line.isEmpty { return .structure }
    if TableBorder.isBorder(line) { return record(table.border(line, number: number)) }
    if line[0] == 0x7C {
      let step = table.piped(line, number: number) { header, cells in
        cells.count == 2 && ClientLines.isHeader(header, name: cells[0], value: cells[1])
          ? .success(())
          : .failure(
            .init(expected: "SHOW STATUS or SHOW VARIABLES output (no Variable_name and Value columns)"))
      }
      guard case .row = step else { return record(step) }
      return dumps.add(line, name: table.cells[0], value: table.cells[1], number: number)
    }
    if let stamp = SnapshotClock.stamp(in: line) {
      table.leave()
      return dumps.stamp(stamp)
    }
    if ClientLines.isTrailer(line) {
      table.leave()
      return dumps.end()
    }
    if ClientLines.isPrompt(line) { return .structure }
    return .malformed(reason: table.stray(number))
  }

  /// A capture cut off inside a table still yields the rows it has.
  public mutating func finish() -> Record? {
    guard let step = table.finish() else { return nil }
    return record(step)
  }

  public mutating func nextCompleted() -> Record? {
    dumps.nextCompleted()
  }

  public var fault: FormatError? { dumps.fault }

  private mutating func record(_ step: ClientTable<Void>.Step) -> Record {
    switch step {
    case .structure, .row: .structure
    case .opened: dumps.begin(number: table.line)
    case .closed: dumps.end()
    case .malformed(let reason): .malformed(reason: reason)
    }
  }
}
