/// `SHOW GLOBAL STATUS` / `SHOW [GLOBAL] VARIABLES` as `mysql -B` (or `mysql -e` into a file) prints them: a
/// `Variable_name<TAB>Value` header, then one `name<TAB>value` line per row; `-N` drops the header.
///
/// A dump ends at a blank line, a `TS` line or the next header. pt-stalk's `-variables` file echoes each
/// statement and follows `SHOW GLOBAL VARIABLES` with per-thread tables (`THREAD_ID<TAB>VARIABLE_NAME<TAB>…`):
/// the echoes are structure, and those tables are skipped to their end.
public struct StatusBatchParser: LineParser {
  public static let format = Format.mysqlStatusBatch

  /// The header, or a `name<TAB>value` line: one tab, a variable name before it.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    let line = ClientLines.droppingTrailingBlanks(line, keepingTabs: true)
    guard let tab = line.index(of: ASCII.tab, from: 0), line.index(of: ASCII.tab, from: tab + 1) == nil
    else { return false }
    return ClientLines.isName(line, 0..<tab)
  }

  public var series: [MetricSeries] { dumps.series }
  public var assumedZone: Bool { dumps.assumedZone }

  private enum Phase {
    case outside
    case dump
    /// The rows of a table of something else, up to a blank line.
    case foreign
  }

  private var phase = Phase.outside
  private var dumps: StatusDumps

  public init(context: ParserContext) {
    dumps = StatusDumps(context: context, readsRelative: false)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let line = ClientLines.droppingTrailingBlanks(line, keepingTabs: true)
    guard !line.isEmpty else {
      phase = .outside
      return dumps.end()
    }
    guard let tab = line.index(of: ASCII.tab, from: 0) else { return textLine(line, number: number) }
    let value = (tab + 1)..<line.count
    let isPair = line.index(of: ASCII.tab, from: tab + 1) == nil
    if isPair, ClientLines.isHeader(line, name: 0..<tab, value: value) {
      phase = .dump
      return dumps.begin(number: number)
    }
    switch phase {
    case .foreign:
      return .structure
    case .outside where !isPair:
      phase = .foreign
      return .malformed(
        reason: "table at line \(number) is not SHOW STATUS or SHOW VARIABLES output "
          + "(not Variable_name and Value); its rows are not read")
    case .outside, .dump:
      guard isPair else {
        return .malformed(reason: "line \(number) has more than one tab: not a name and a value")
      }
      phase = .dump
      return dumps.add(line, name: 0..<tab, value: value, number: number)
    }
  }

  public mutating func finish() -> Record? {
    phase = .outside
    return dumps.isOpen ? dumps.end() : nil
  }

  public mutating func nextCompleted() -> Record? {
    dumps.nextCompleted()
  }

  public var fault: FormatError? { dumps.fault }

  /// A line without a tab: a `TS` stamp, an echoed statement or client message outside a dump, a broken row
  /// inside one.
  private mutating func textLine(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let stamp = SnapshotClock.stamp(in: line) {
      phase = .outside
      return dumps.stamp(stamp)
    }
    switch phase {
    case .dump:
      return .malformed(reason: "line \(number) has no tab between a name and a value")
    case .outside, .foreign:
      return .structure
    }
  }
}
