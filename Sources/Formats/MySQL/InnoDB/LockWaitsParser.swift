/// The rows of the lock-wait queries SREs and pt-stalk run, in `\G` form: pt-stalk's `-lock-waits` (its
/// `who_blocks` summary and its `waiting_thread` / `blocking_thread` rows), `sys.innodb_lock_waits`
/// (`waiting_pid`, `blocking_pid`, `wait_age_secs`) and `information_schema.innodb_lock_waits` joined to
/// `innodb_trx`. Columns are matched by name, so any selection of them reads.
///
/// The rows between two `TS` lines (or of the whole file) are one snapshot, dated by the `TS` line, else by
/// the file name; a snapshot nothing dates is reported and skipped.
public struct LockWaitsParser: LineParser {
  public static let format = Format.mysqlLockWaits
  public private(set) var assumedZone = false
  public private(set) var fault: FormatError?
  private let path: String
  private let fileNameTime: FileNameTime.Reading
  private var stamp: Timestamp?
  private var waits: [LockWait] = []
  private var current: LockWait?
  private var firstLine = 0

  public init(context: ParserContext) {
    path = context.path
    fileNameTime = FileNameTime.read(path: context.path, utcOffsetSeconds: context.options.zone)
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let field = field(line) else { return false }
    return column(line, field.name) != nil
  }

  private enum Column {
    case waitingThread, waitSeconds, waitingQuery, blockingThread, blockingHost, blockingQuery, idle, table,
      whoBlocks
  }

  private static let columns: [(StaticString, Column)] = [
    ("waiting_thread", .waitingThread), ("waiting_pid", .waitingThread), ("wait_time", .waitSeconds),
    ("wait_age_secs", .waitSeconds), ("max_wait_time", .waitSeconds), ("waiting_query", .waitingQuery),
    ("blocking_thread", .blockingThread), ("blocking_pid", .blockingThread), ("blocking_host", .blockingHost),
    ("blocking_query", .blockingQuery), ("idle_in_trx", .idle), ("waiting_table_lock", .table),
    ("locked_table", .table), ("who_blocks", .whoBlocks),
  ]

  private static func column(_ line: UnsafeRawBufferPointer, _ name: Range<Int>) -> Column? {
    for (label, column) in columns where line.equalsIgnoringCase(name, label) { return column }
    return nil
  }

  /// `   blocking_thread: 10`: the label's range and the value's.
  private static func field(_ line: UnsafeRawBufferPointer) -> (name: Range<Int>, value: Range<Int>)? {
    let start = line.skippingBlanks(from: 0)
    guard let colon = line.index(of: ASCII.colon, from: start), colon > start,
      !(start..<colon).contains(where: { line[$0] == ASCII.space })
    else { return nil }
    var end = line.count
    while end > colon + 1, line[end - 1] == ASCII.space || line[end - 1] == 0x0D { end -= 1 }
    return (start..<colon, min(line.skippingBlanks(from: colon + 1), end)..<end)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if let time = SnapshotClock.stamp(in: line) {
      let ended = end()
      stamp = time
      return ended
    }
    if ByteLiterals.contains(line, ". row ***") {
      if let current { waits.append(current) }
      if waits.isEmpty { firstLine = number }
      current = LockWait()
      return .structure
    }
    guard current != nil, let field = Self.field(line), let column = Self.column(line, field.name) else {
      return .structure
    }
    let value = UnsafeRawBufferPointer(rebasing: line[field.value])
    let text = value.matches("NULL", at: 0) && value.count == 4 ? nil : String(decoding: value, as: UTF8.self)
    let number = value.unsignedInteger(at: 0).map { Int($0.value) }
    switch column {
    case .waitingThread: current!.waitingThread = number.map(Int64.init)
    case .waitSeconds: current!.waitSeconds = number
    case .waitingQuery: current!.waitingQuery = text == nil ? nil : SlowLogParser.abbreviate(value)
    case .blockingThread: current!.blockingThread = number.map(Int64.init)
    case .blockingHost: current!.blockingHost = text
    case .blockingQuery: current!.blockingQuery = text == nil ? nil : SlowLogParser.abbreviate(value)
    case .idle: current!.blockerIdleSeconds = number
    case .table: current!.table = text
    case .whoBlocks:
      // `thread 10 from 10.0.3.7:51234`
      if value.matches("thread ", at: 0), let thread = value.unsignedInteger(at: 7) {
        current!.blockingThread = thread.value
        if value.matches(" from ", at: thread.end) {
          current!.blockingHost = String(
            decoding: UnsafeRawBufferPointer(rebasing: value[(thread.end + 6)...]), as: UTF8.self)
        }
      }
    }
    return .structure
  }

  public mutating func finish() -> Record? {
    let ended = end()
    return ended == .structure ? nil : ended
  }

  private mutating func end() -> Record {
    if let current { waits.append(current) }
    current = nil
    guard !waits.isEmpty else { return .structure }
    defer {
      waits = []
      stamp = nil
    }
    let time: Timestamp
    if let stamp {
      time = stamp
    } else if case .time(let named, let hasZone) = fileNameTime {
      time = named
      if !hasZone { assumedZone = true }
    } else {
      let error = FormatError.untimed(
        path: path, line: firstLine,
        detail: "no time for the lock-wait rows at line \(firstLine): no TS line and no time in the file name"
      )
      if fault == nil { fault = error }
      return .malformed(reason: error.reason)
    }
    return .database(.lockWaits(LockWaitSnapshot(time: time, line: firstLine, waits: waits)))
  }
}
