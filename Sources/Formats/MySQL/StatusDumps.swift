/// The dumps of one source turned into timed samples, whichever form the client printed them in: names
/// interned once, rows held per dump, each dump's samples handed out once it ends and its time is known.
///
/// Only numbers are samples. A text value (`ON`, a path, a date) is structure, unless the name had a number
/// before in the file or always has one (`Threads_connected`): then the row is malformed.
struct StatusDumps {
  let path: String
  var series: [MetricSeries] { table.all }
  private var table = SeriesTable()
  private(set) var assumedZone = false
  /// Whether tables may hold `mysqladmin -r` differences (only mysqladmin's table form can).
  private let readsRelative: Bool

  private var names = SpellingTable()
  private var nameTexts: [String] = []
  /// Per name: whether its value must be a number (it was one before, or it always is).
  private var numeric: [Bool] = []
  private var isCapitalised: [Bool] = []
  /// Per name: its series as a status or as a variable, -1 until first used.
  private var statusSeries: [Int] = []
  private var variableSeries: [Int] = []
  private var uptimeName: Int?

  private var clock: StatusClock
  private var relative = RelativeStatus()
  private var current: StatusDump?
  /// The time of a `TS` line not yet followed by a dump.
  private var stamp: Timestamp?
  private var completed: [MetricSample] = []
  private var handedOut = 0
  /// The first dump that nothing dates: the source's fault, reported once it ends.
  private(set) var fault: FormatError?

  init(context: ParserContext, readsRelative: Bool) {
    path = context.path
    self.readsRelative = readsRelative
    clock = StatusClock(path: context.path, utcOffsetSeconds: context.options.zone)
  }

  /// A `TS` line: the next dump was taken then. One that interrupts a dump ends it first.
  mutating func stamp(_ time: Timestamp) -> Record {
    let ended = end()
    stamp = time
    return ended
  }

  /// Starts a dump at `number` (ending one still open).
  mutating func begin(number: Int) -> Record {
    let ended = end()
    current = StatusDump(line: number, stamp: stamp)
    stamp = nil
    return ended
  }

  /// Adds a `name` / `value` row to the open dump (opening one if none is); both ranges are cells of `line`.
  mutating func add(
    _ line: UnsafeRawBufferPointer, name: Range<Int>, value: Range<Int>, number: Int
  ) -> Record {
    guard !name.isEmpty else { return .malformed(reason: "line \(number): a row without a variable name") }
    return add(intern(UnsafeRawBufferPointer(rebasing: line[name])), line, value: value, number: number)
  }

  /// Adds a row whose name was interned from an earlier line (`\G` prints name and value on two).
  mutating func add(_ id: Int, _ line: UnsafeRawBufferPointer, value: Range<Int>, number: Int) -> Record {
    if current == nil { _ = begin(number: number) }
    if isCapitalised[id] { current!.capitalised += 1 }
    let parsed: Double
    if let integer = DecimalBytes.int64(in: line, value) {
      parsed = Double(integer)
    } else if !value.isEmpty, Self.startsNumber(line[value.lowerBound]),
      let decimal = DecimalBytes.double(in: line, value), decimal.isFinite
    {
      parsed = decimal
      current!.onlyIntegers = false
    } else {
      current!.onlyIntegers = false
      guard numeric[id] else { return .structure }
      let text = String(decoding: UnsafeRawBufferPointer(rebasing: line[value]), as: UTF8.self)
      return .malformed(reason: "line \(number): \(nameTexts[id]) is \"\(text)\", not a number")
    }
    numeric[id] = true
    if id == uptimeName { current!.uptime = parsed }
    current!.rows.append(StatusDump.Row(name: id, value: parsed))
    return .structure
  }

  /// Whether a dump is being read: `end()` then has something to end.
  var isOpen: Bool { current != nil }

  /// Ends the open dump: its samples are handed out by `nextCompleted()`. A dump that cannot be placed in time
  /// is malformed; the first one placed before any other is also the source's fault.
  mutating func end() -> Record {
    guard var dump = current else { return .structure }
    current = nil
    guard !dump.rows.isEmpty else { return .structure }
    let orphans = readsRelative ? relative.resolve(&dump, uptimeName: uptimeName) : 0
    let time: Timestamp
    switch clock.place(stamp: dump.stamp, uptime: dump.uptime) {
    case .time(let placed, let assumed):
      time = placed
      if assumed { assumedZone = true }
    case .unknown(let reason, let isFirst):
      if isFirst, fault == nil {
        fault = .untimedDump(path: path, line: dump.line, reason: reason)
      }
      return .malformed(reason: "dump at line \(dump.line) is skipped: \(reason)")
    }
    let listsStatus = dump.listsStatus
    for row in dump.rows {
      completed.append(
        MetricSample(series: seriesIndex(row.name, status: listsStatus), time: time, value: row.value))
    }
    guard orphans == 0 else {
      return .malformed(
        reason: "table at line \(dump.line): \(orphans) rows first appear in a table of differences, "
          + "with no value to add them to")
    }
    return .structure
  }

  /// The next sample of the dumps ended so far.
  mutating func nextCompleted() -> Record? {
    guard handedOut < completed.count else {
      completed.removeAll(keepingCapacity: true)
      handedOut = 0
      return nil
    }
    handedOut += 1
    return .sample(completed[handedOut - 1])
  }

  /// The id of a variable name, as the dump's rows refer to it.
  mutating func intern(_ name: UnsafeRawBufferPointer) -> Int {
    if let id = names.value(for: name) { return id }
    let id = nameTexts.count
    let text = String(decoding: name, as: UTF8.self)
    names.set(id, for: name)
    nameTexts.append(text)
    let key = text.lowercased()
    numeric.append(Self.alwaysNumeric.contains(key) || key.hasPrefix("connection_errors_"))
    isCapitalised.append(text.utf8.first.map(ASCII.isUpperLetter) ?? false)
    statusSeries.append(-1)
    variableSeries.append(-1)
    if key == "uptime" { uptimeName = id }
    return id
  }

  private mutating func seriesIndex(_ name: Int, status: Bool) -> Int {
    let known = status ? statusSeries[name] : variableSeries[name]
    if known >= 0 { return known }
    let identity = status ? ExporterNames.status(nameTexts[name]) : ExporterNames.variable(nameTexts[name])
    let index = table.index(of: identity)
    if status { statusSeries[name] = index } else { variableSeries[name] = index }
    return index
  }

  /// Names whose value is a number on every server, the ones the signals read among them.
  private static let alwaysNumeric: Set<String> = [
    "uptime", "threads_connected", "threads_running", "max_used_connections", "aborted_connects",
    "aborted_clients", "max_connections",
  ]

  /// A digit, a sign or a point: text that starts otherwise is not a damaged number.
  private static func startsNumber(_ byte: UInt8) -> Bool {
    ASCII.isDigit(byte) || byte == ASCII.minus || byte == ASCII.plus || byte == ASCII.dot
  }
}
