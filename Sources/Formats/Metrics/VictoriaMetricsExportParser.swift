/// VictoriaMetrics' `/api/v1/export` JSON lines, one series (or, with `max_rows_per_line`, part of one) a
/// line: `{"metric":{"__name__":"up","job":"node"},"values":[0,1,1],"timestamps":[1549891472010,…]}` — times in
/// epoch milliseconds, values as numbers.
///
/// A line holds many samples: `parse` returns the first and `nextCompleted()` the rest. The export carries no
/// TYPE: the name decides a series' kind (see `MetricSeries.Kind.inferred`).
public struct VictoriaMetricsExportParser: LineParser {
  public static let format = Format.victoriaMetricsExport
  public let assumedZone = false
  public var series: [MetricSeries] { table.all }
  private var table = SeriesTable()
  private var spellings = SpellingTable()
  private var pending: [MetricSample] = []
  private var handedOut = 0

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let members = members(of: line) else { return false }
    return members.metric.isString == false
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    pending.removeAll(keepingCapacity: true)
    handedOut = 0
    guard let members = Self.members(of: line), !members.metric.isString else {
      if line.isEmpty { return .structure }
      return .malformed(
        reason: "not a VictoriaMetrics export line ({\"metric\":{…},\"values\":[…],\"timestamps\":[…]})")
    }
    let values = Self.numbers(in: line, members.values.range)
    let times = Self.numbers(in: line, members.timestamps.range)
    guard let values, let times, values.count == times.count else {
      return .malformed(reason: "values and timestamps are not two number arrays of one length")
    }
    guard let index = seriesIndex(line, members.metric.range) else {
      return .malformed(reason: "metric object without a string __name__")
    }
    for (value, time) in zip(values, times) {
      guard let milliseconds = Int64(exactly: time.rounded()) else {
        return .malformed(reason: "a timestamp is not epoch milliseconds")
      }
      pending.append(MetricSample(series: index, time: Timestamp(milliseconds: milliseconds), value: value))
    }
    return nextCompleted() ?? .structure
  }

  public mutating func nextCompleted() -> Record? {
    guard handedOut < pending.count else { return nil }
    handedOut += 1
    return .sample(pending[handedOut - 1])
  }

  private struct Members {
    var metric: JSONValueRange
    var values: JSONValueRange
    var timestamps: JSONValueRange
  }

  private static func members(of line: UnsafeRawBufferPointer) -> Members? {
    var metric: JSONValueRange?
    var values: JSONValueRange?
    var timestamps: JSONValueRange?
    let complete = JSONObjectScanner.forEachMember(in: line) { key, value in
      switch key.count {
      case 6 where line.matches("metric", at: key.lowerBound): metric = value
      case 6 where line.matches("values", at: key.lowerBound): values = value
      case 10 where line.matches("timestamps", at: key.lowerBound): timestamps = value
      default: break
      }
    }
    guard complete, let metric, let values, let timestamps else { return nil }
    return Members(metric: metric, values: values, timestamps: timestamps)
  }

  /// The numbers of a JSON array `[1,2.5,…]`; nil when it holds anything else.
  private static func numbers(in line: UnsafeRawBufferPointer, _ range: Range<Int>) -> [Double]? {
    guard line.byte(at: range.lowerBound) == ASCII.openBracket, range.count >= 2 else { return nil }
    var numbers: [Double] = []
    var index = range.lowerBound + 1
    let end = range.upperBound - 1
    while index < end {
      while index < end, line[index] == ASCII.space { index += 1 }
      var stop = index
      while stop < end, line[stop] != ASCII.comma { stop += 1 }
      var last = stop
      while last > index, line[last - 1] == ASCII.space { last -= 1 }
      guard last > index, let number = DecimalBytes.double(in: line, index..<last) else { return nil }
      numbers.append(number)
      index = stop + 1
    }
    return numbers
  }

  /// The series of a `metric` object, interned by its bytes.
  private mutating func seriesIndex(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
    let spelling = UnsafeRawBufferPointer(rebasing: line[range])
    if let known = spellings.value(for: spelling) { return known }
    var name: String?
    var labels: [MetricSeries.Label] = []
    _ = JSONObjectScanner.forEachMember(in: spelling) { key, value in
      guard value.isString else { return }
      let text = { (range: Range<Int>) in
        String(decoding: UnsafeRawBufferPointer(rebasing: spelling[range]), as: UTF8.self)
      }
      if key.count == 8, spelling.matches("__name__", at: key.lowerBound) {
        name = text(value.range)
      } else {
        labels.append(MetricSeries.Label(name: text(key), value: text(value.range)))
      }
    }
    guard let name else { return nil }
    let identity = MetricSeries(name: name, labels: labels, kind: .inferred(name: name, labels: labels))
    let index = table.index(of: identity)
    spellings.set(index, for: spelling)
    return index
  }
}
