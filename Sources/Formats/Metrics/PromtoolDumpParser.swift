/// `promtool tsdb dump` output: every sample of a TSDB block, one a line, series by series:
/// `{__name__="heavy_metric", foo="bar"} 5 60000` — the labels as Prometheus prints a label set, the value as
/// Go's `%g`, the time in epoch milliseconds; with `--format=openmetrics` (or `dump-openmetrics`),
/// `heavy_metric{foo="bar"} 5 60.000` — the time in seconds to three decimals — and a closing `# EOF`.
///
/// The dump carries no TYPE: the name decides a series' kind (see `MetricSeries.Kind.inferred`). Comment lines
/// (`# EOF`, and the `# TYPE`/`# HELP` of an OpenMetrics scrape whose millisecond timestamps make it look like
/// this flavour) carry no samples.
public struct PromtoolDumpParser: LineParser {
  public static let format = Format.promtoolDump
  public static let linesAreIndependent = false
  public let assumedZone = false
  public var series: [MetricSeries] { table.series }
  /// Replicas of one series (`instance`, a pod's hash) roll up to their service as they come.
  private var table = RollupTable()

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if let sample = scan(line) { return line.matches("__name__=", at: sample.labels!.lowerBound) }
    return openMetricsSample(line) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if line.isEmpty || line[0] == 0x23 { return .structure }
    if let sample = Self.openMetricsSample(line) { return record(sample, in: line, named: true) }
    guard let sample = Self.scan(line) else {
      return .malformed(reason: "not `{labels} value milliseconds` nor `name{labels} value seconds.mmm`")
    }
    return record(sample, in: line, named: false)
  }

  /// A sample whose series is `name{labels}` (`named`) or `{__name__=…, labels}`.
  private mutating func record(_ sample: PrometheusSampleLine, in line: UnsafeRawBufferPointer, named: Bool)
    -> Record
  {
    guard let value = DecimalBytes.double(in: line, sample.value) else {
      return .malformed(reason: "sample value is not a number")
    }
    guard let timestamp = sample.timestamp,
      let time = named
        ? PrometheusTextParser.time(in: line, timestamp)
        : DecimalBytes.int64(in: line, timestamp).map(Timestamp.init(milliseconds:))
    else {
      return .malformed(
        reason: named ? "sample time is not epoch seconds" : "sample time is not epoch milliseconds")
    }
    let spelling = UnsafeRawBufferPointer(rebasing: line[sample.series])
    var failure = "label set cannot be read"
    let found =
      table.entry(for: spelling)
      ?? table.add(spelling: spelling) { () -> MetricSeries? in
        guard case .labels(let labels) = sample.labels(in: line) else { return nil }
        let written = String(decoding: UnsafeRawBufferPointer(rebasing: line[sample.name]), as: UTF8.self)
        guard let name = named ? written : labels.first(where: { $0.name == "__name__" })?.value else {
          failure = "series without a __name__ label"
          return nil
        }
        let rest = labels.filter { $0.name != "__name__" }
        return MetricSeries(name: name, labels: rest, kind: .inferred(name: name, labels: rest))
      }
    guard let entry = found else { return .malformed(reason: failure) }
    return .sample(
      MetricSample(series: entry.group, time: time, value: value, member: entry.member, leads: entry.leads))
  }

  /// `name{labels} value seconds.mmm`, as `promtool` prints OpenMetrics: three decimals, no more, no less.
  private static func openMetricsSample(_ line: UnsafeRawBufferPointer) -> PrometheusSampleLine? {
    guard line.byte(at: 0) != 0x7B, case .sample(let sample) = PrometheusSampleLine.scan(line),
      let timestamp = sample.timestamp, timestamp.count >= 5, line[timestamp.upperBound - 4] == ASCII.dot,
      timestamp.upperBound == line.count
    else { return nil }
    return sample
  }

  /// `{…} value time`, located; nil when the line does not have that shape.
  private static func scan(_ line: UnsafeRawBufferPointer) -> PrometheusSampleLine? {
    guard line.byte(at: 0) == 0x7B, let close = PrometheusSampleLine.lastClosingBrace(line, from: 1) else {
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
