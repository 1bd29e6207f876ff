/// A Grafana panel's data exported as CSV (Inspect → Data → Download CSV), in its layouts:
/// - series joined by time (7.x+ default, ≤ 6.x "series as columns"): `"Time","{job=""api""}","p90"` then one
///   row per time, an empty cell (≤ 6.x: `null`) where a series has no point;
/// - one frame per series (joined off): the same shape once per series, frames apart by a blank line;
/// - ≤ 6.x "series as rows": `"Series";"Time";"Value"`.
/// Cells are `,`- or `;`-delimited (7.x+ follows the exporting user's locale; "Download for Excel" adds a
/// `sep=,` line), lines end in CRLF. Times are formatted (`2026-11-27 03:04:10`, in `--tz` when they name no
/// zone) or epoch seconds or milliseconds; formatted values carry units (see `GrafanaValue`).
///
/// A header `{name="v"}` or `metric{name="v"}` becomes that series; a legend alias stays a name of its own.
public struct GrafanaCSVParser: LineParser {
  public static let format = Format.grafanaCSV
  public private(set) var series: [MetricSeries] = []
  public private(set) var assumedZone = false

  private enum Layout {
    /// The time column and, per column, the series it holds (nil for the time column and blank headers).
    case joined(time: Int, columns: [Int?])
    case rows(series: Int, time: Int, value: Int)
  }

  private let localOffsetSeconds: LocalZone
  private var delimiter: UInt8?
  private var layout: Layout?
  private var cells = CSVCells()
  private var indexByName: [String: Int] = [:]
  /// Series cells of the "series as rows" layout as written, so a row costs a hash, not a `String`.
  private var seriesCells = SpellingTable()
  private var pending: [MetricSample] = []
  private var handedOut = 0

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  /// A `sep=` line or a header whose first cell is `Time` or `Series`.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if line.matches("sep=", at: 0), line.count == 5 { return true }
    guard let delimiter = headerDelimiter(line) else { return false }
    var cells = CSVCells()
    return cells.cut(line, delimiter: delimiter) && cells.ranges.count >= 2
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    pending.removeAll(keepingCapacity: true)
    handedOut = 0
    if line.isEmpty {
      layout = nil  // a blank line ends a frame; the next line is a header
      return .structure
    }
    if line.matches("sep=", at: 0), line.count == 5 {
      delimiter = line[4]
      return .structure
    }
    guard let layout else { return header(line, number: number) }
    guard cells.cut(line, delimiter: delimiter ?? ASCII.comma) else {
      return .malformed(reason: "a quoted cell is not closed")
    }
    switch layout {
    case .joined(let timeColumn, let columns):
      guard cells.ranges.count == columns.count else {
        return .malformed(reason: "\(cells.ranges.count) cells where the header has \(columns.count)")
      }
      guard let time = time(line, cells.ranges[timeColumn]) else {
        return .malformed(reason: "time cell is neither a date-time nor epoch seconds or milliseconds")
      }
      for (column, seriesIndex) in columns.enumerated() {
        guard let seriesIndex else { continue }
        switch GrafanaValue.read(line, cells.ranges[column]) {
        case .number(let value): pending.append(MetricSample(series: seriesIndex, time: time, value: value))
        case .gap: continue
        case .unknownUnit: return .malformed(reason: "column \(column + 1): a unit Postmortem cannot convert")
        case .notANumber: return .malformed(reason: "column \(column + 1) is not a number")
        }
      }
    case .rows(let seriesColumn, let timeColumn, let valueColumn):
      guard cells.ranges.count > max(seriesColumn, timeColumn, valueColumn) else {
        return .malformed(reason: "fewer cells than the header's Series, Time and Value")
      }
      guard let time = time(line, cells.ranges[timeColumn]) else {
        return .malformed(reason: "time cell is neither a date-time nor epoch seconds or milliseconds")
      }
      switch GrafanaValue.read(line, cells.ranges[valueColumn]) {
      case .number(let value):
        let cell = cells.ranges[seriesColumn]
        let spelling = UnsafeRawBufferPointer(rebasing: line[cell])
        let series: Int
        if let known = seriesCells.value(for: spelling) {
          series = known
        } else {
          series = intern(CSVCells.unquoted(line, cell))
          seriesCells.set(series, for: spelling)
        }
        pending.append(MetricSample(series: series, time: time, value: value))
      case .gap: break
      case .unknownUnit: return .malformed(reason: "Value: a unit Postmortem cannot convert")
      case .notANumber: return .malformed(reason: "Value is not a number")
      }
    }
    return nextCompleted() ?? .structure
  }

  public mutating func nextCompleted() -> Record? {
    guard handedOut < pending.count else { return nil }
    handedOut += 1
    return .sample(pending[handedOut - 1])
  }

  private mutating func header(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let found = delimiter ?? Self.headerDelimiter(line), cells.cut(line, delimiter: found) else {
      return .malformed(reason: "line \(number) is not a header (`Time` or `Series` first)")
    }
    delimiter = found
    let names = cells.ranges.map { CSVCells.unquoted(line, $0) }
    let lowered = names.map { $0.lowercased() }
    if let seriesColumn = lowered.firstIndex(of: "series"), let timeColumn = lowered.firstIndex(of: "time"),
      let valueColumn = lowered.firstIndex(of: "value")
    {
      layout = .rows(series: seriesColumn, time: timeColumn, value: valueColumn)
      return .structure
    }
    guard let timeColumn = lowered.firstIndex(of: "time") else {
      return .malformed(reason: "header at line \(number) has no Time column")
    }
    let columns = names.enumerated().map { column, name in
      column == timeColumn || name.isEmpty ? nil : intern(name)
    }
    layout = .joined(time: timeColumn, columns: columns)
    return .structure
  }

  /// A formatted time (`2026-11-27 03:04:10`, ISO with or without a zone) or an epoch number.
  private mutating func time(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Timestamp? {
    // The cell alone: `…:10,1.20` must not read as ten seconds and a comma fraction.
    let cell = UnsafeRawBufferPointer(rebasing: line[..<range.upperBound])
    if let scanned = TimestampScanner.dateTime(
      in: cell, at: range.lowerBound, localOffsetSeconds: localOffsetSeconds),
      scanned.end == range.upperBound
    {
      if !scanned.hasZone { assumedZone = true }
      return scanned.timestamp
    }
    return TimestampScanner.epoch(in: line, range)
  }

  /// The series a header or Series cell names, interned.
  private mutating func intern(_ name: String) -> Int {
    if let known = indexByName[name] { return known }
    let identity = Self.series(named: name)
    let index = series.count
    series.append(identity)
    indexByName[name] = index
    return index
  }

  /// `metric{a="b"}` and `{a="b"}` as that series; anything else (a legend alias) as a name without labels.
  static func series(named name: String) -> MetricSeries {
    var text = name
    let parsed: MetricSeries? = text.withUTF8 { bytes in
      let line = UnsafeRawBufferPointer(bytes)
      guard let open = line.index(of: 0x7B, from: 0), line.last == 0x7D,
        let close = PrometheusSampleLine.closingBrace(line, from: open + 1), close == line.count - 1
      else { return nil }
      let sample = PrometheusSampleLine(
        series: 0..<line.count, name: 0..<open, labels: (open + 1)..<close, value: 0..<0, timestamp: nil)
      guard case .labels(let labels) = sample.labels(in: line) else { return nil }
      let metric = String(decoding: UnsafeRawBufferPointer(rebasing: line[..<open]), as: UTF8.self)
      let display =
        metric.isEmpty
        ? "{" + labels.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
          + "}"
        : metric
      return MetricSeries(name: display, labels: labels, kind: .inferred(name: metric, labels: labels))
    }
    return parsed ?? MetricSeries(name: name, labels: [], kind: .gauge)
  }

  /// The delimiter after a first cell `Time` or `Series`, quoted or not.
  private static func headerDelimiter(_ line: UnsafeRawBufferPointer) -> UInt8? {
    var index = line.byte(at: 0) == ASCII.quote ? 1 : 0
    let start = index
    while index < line.count, ASCII.isLetter(line[index]) { index += 1 }
    guard line.equalsIgnoringCase(start..<index, "time") || line.equalsIgnoringCase(start..<index, "series")
    else { return nil }
    if start == 1 {
      guard line.byte(at: index) == ASCII.quote else { return nil }
      index += 1
    }
    guard let delimiter = line.byte(at: index), delimiter == ASCII.comma || delimiter == 0x3B else {
      return nil
    }
    return delimiter
  }
}
