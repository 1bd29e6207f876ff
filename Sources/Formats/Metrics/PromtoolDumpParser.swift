/// `promtool tsdb dump` output: every sample of a TSDB block, one a line, series by series:
/// `{__name__="heavy_metric", foo="bar"} 5 60000` — the labels as Prometheus prints a label set, the value as
/// Go's `%g`, the time in epoch milliseconds. (`--format=openmetrics` output is OpenMetrics text and is read
/// as Prometheus text.)
///
/// The dump carries no TYPE: the name decides a series' kind (see `MetricSeries.Kind.inferred`).
public struct PromtoolDumpParser: LineParser {
  public static let format = Format.promtoolDump
  public static let linesAreIndependent = false
  public let assumedZone = false
  public var series: [MetricSeries] { table.all }
  private var table = SeriesTable()
  private var spellings = SpellingTable()

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let sample = scan(line) else { return false }
    return line.matches("__name__=", at: sample.labels!.lowerBound)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let sample = Self.scan(line) else {
      if line.isEmpty { return .structure }
      return .malformed(reason: "not `{labels} value milliseconds` as promtool tsdb dump prints it")
    }
    guard let value = DecimalBytes.double(in: line, sample.value) else {
      return .malformed(reason: "sample value is not a number")
    }
    guard let timestamp = sample.timestamp, let milliseconds = DecimalBytes.int64(in: line, timestamp) else {
      return .malformed(reason: "sample time is not epoch milliseconds")
    }
    let spelling = UnsafeRawBufferPointer(rebasing: line[sample.series])
    let index: Int
    if let known = spellings.value(for: spelling) {
      index = known
    } else {
      guard case .labels(let labels) = sample.labels(in: line) else {
        return .malformed(reason: "label set cannot be read")
      }
      guard let name = labels.first(where: { $0.name == "__name__" })?.value else {
        return .malformed(reason: "series without a __name__ label")
      }
      let rest = labels.filter { $0.name != "__name__" }
      let identity = MetricSeries(name: name, labels: rest, kind: .inferred(name: name, labels: rest))
      index = table.index(of: identity)
      spellings.set(index, for: spelling)
    }
    return .sample(MetricSample(series: index, time: Timestamp(milliseconds: milliseconds), value: value))
  }

  /// `{…} value time`, located; nil when the line does not have that shape.
  private static func scan(_ line: UnsafeRawBufferPointer) -> PrometheusSampleLine? {
    guard line.byte(at: 0) == 0x7B, let close = PrometheusSampleLine.closingBrace(line, from: 1) else {
      return nil
    }
    let valueStart = PrometheusSampleLine.skipBlanks(line, from: close + 1)
    var index = valueStart
    while index < line.count, !PrometheusSampleLine.isBlank(line[index]) { index += 1 }
    let valueEnd = index
    let timeStart = PrometheusSampleLine.skipBlanks(line, from: index)
    index = timeStart
    while index < line.count, !PrometheusSampleLine.isBlank(line[index]) { index += 1 }
    guard valueEnd > valueStart, index > timeStart,
      PrometheusSampleLine.skipBlanks(line, from: index) == line.count
    else { return nil }
    return PrometheusSampleLine(
      series: 0..<(close + 1), name: 1..<1, labels: 1..<close, value: valueStart..<valueEnd,
      timestamp: timeStart..<index)
  }
}
