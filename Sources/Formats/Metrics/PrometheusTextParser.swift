/// Prometheus text exposition (0.0.4) with timestamps, several scrapes concatenated.
///
/// Per sample line the work is a scan, a hash of the `name{labels}` bytes and two number parses; a
/// `MetricSeries` (with its `String`s) is built only the first time a spelling is seen.
public struct PrometheusTextParser: LineParser {
  public static let format = Format.prometheusText

  /// A `# HELP x …` or `# TYPE x …` line, or a sample line that carries an integer timestamp.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if let keyword = metadataKeyword(line) {
      let name = PrometheusSampleLine.skipBlanks(line, from: keyword.upperBound)
      return name > keyword.upperBound && name < line.count && PrometheusSampleLine.isNameStart(line[name])
    }
    guard case .sample(let sample) = PrometheusSampleLine.scan(line), let timestamp = sample.timestamp else {
      return false
    }
    return DecimalBytes.double(in: line, sample.value) != nil
      && DecimalBytes.int64(in: line, timestamp) != nil
  }

  public private(set) var series: [MetricSeries] = []
  /// Exposition timestamps are epoch milliseconds: no zone is ever assumed.
  public private(set) var assumedZone = false

  /// Each spelling of `name{labels}` seen so far, to its index in `series`.
  private var spellings = SpellingTable()
  /// Spellings that differ only in label order or blanks meet here.
  private var indexBySeries: [MetricSeries: Int] = [:]
  private var families = MetricFamilies()

  public init(context: ParserContext) {}

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let start = PrometheusSampleLine.skipBlanks(line, from: 0)
    guard start < line.count else { return .structure }
    if line[start] == PrometheusSampleLine.hash { return comment(line) }
    let sample: PrometheusSampleLine
    switch PrometheusSampleLine.scan(line) {
    case .sample(let scanned): sample = scanned
    case .malformed(let reason): return .malformed(reason: reason)
    }
    guard let value = DecimalBytes.double(in: line, sample.value) else {
      return .malformed(reason: "sample value is not a number")
    }
    guard let timestampRange = sample.timestamp else {
      return .malformed(reason: "sample without timestamp: only timestamped exposition can be placed in time")
    }
    guard let milliseconds = DecimalBytes.int64(in: line, timestampRange) else {
      return .malformed(
        reason: "sample timestamp is not integer milliseconds (OpenMetrics seconds are not read yet)")
    }
    let index: Int
    switch seriesIndex(of: sample, in: line) {
    case .index(let found): index = found
    case .malformed(let reason): return .malformed(reason: reason)
    }
    return .sample(MetricSample(series: index, time: Timestamp(milliseconds: milliseconds), value: value))
  }

  private enum SeriesLookup {
    case index(Int)
    case malformed(String)
  }

  private mutating func seriesIndex(of sample: PrometheusSampleLine, in line: UnsafeRawBufferPointer)
    -> SeriesLookup
  {
    let spelling = UnsafeRawBufferPointer(rebasing: line[sample.series])
    if let index = spellings.value(for: spelling) { return .index(index) }
    let labels: [MetricSeries.Label]
    switch sample.labels(in: line) {
    case .labels(let decoded): labels = decoded
    case .malformed(let reason): return .malformed(reason)
    }
    let name = UnsafeRawBufferPointer(rebasing: line[sample.name])
    let identity = MetricSeries(
      name: String(decoding: name, as: UTF8.self), labels: labels, kind: families.kind(ofSeriesNamed: name))
    let index: Int
    if let known = indexBySeries[identity] {
      index = known
    } else {
      index = series.count
      series.append(identity)
      indexBySeries[identity] = index
    }
    spellings.set(index, for: spelling)
    return .index(index)
  }

  /// `# TYPE` declares a family's kind; `# HELP`, other comments and `# EOF` carry no data.
  private mutating func comment(_ line: UnsafeRawBufferPointer) -> Record {
    guard let keyword = Self.metadataKeyword(line),
      ByteLiterals.equals(line, keyword, "TYPE")
    else { return .structure }
    let nameStart = PrometheusSampleLine.skipBlanks(line, from: keyword.upperBound)
    var nameEnd = nameStart
    while nameEnd < line.count, PrometheusSampleLine.isNameByte(line[nameEnd]) { nameEnd += 1 }
    let kindStart = PrometheusSampleLine.skipBlanks(line, from: nameEnd)
    var kindEnd = kindStart
    while kindEnd < line.count, !PrometheusSampleLine.isBlank(line[kindEnd]) { kindEnd += 1 }
    guard nameEnd > nameStart, kindStart > nameEnd, kindEnd > kindStart else {
      return .malformed(reason: "TYPE line without a metric name and a type")
    }
    families.declare(
      UnsafeRawBufferPointer(rebasing: line[nameStart..<nameEnd]),
      kind: MetricFamilies.kind(named: UnsafeRawBufferPointer(rebasing: line[kindStart..<kindEnd])))
    return .structure
  }

  /// The range of `HELP` or `TYPE` in a `# HELP …` / `# TYPE …` line.
  private static func metadataKeyword(_ line: UnsafeRawBufferPointer) -> Range<Int>? {
    let hash = PrometheusSampleLine.skipBlanks(line, from: 0)
    guard hash < line.count, line[hash] == PrometheusSampleLine.hash else { return nil }
    let start = PrometheusSampleLine.skipBlanks(line, from: hash + 1)
    let keyword = start..<(start + 4)
    guard keyword.upperBound < line.count, PrometheusSampleLine.isBlank(line[keyword.upperBound]),
      ByteLiterals.equals(line, keyword, "HELP") || ByteLiterals.equals(line, keyword, "TYPE")
    else { return nil }
    return keyword
  }
}
