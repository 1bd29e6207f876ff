/// `vmstat N` output as pt-stalk's `-vmstat` captures it (`vmstat 1 30`):
///
/// ```
/// procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----
///  r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st
///  2  0      0 1234567 12345 678901    0    0     1     5   10   20  5  2 93  0  0
/// ```
///
/// Columns are found by the header's names. The first line after a header averages since boot and is skipped.
/// The lines carry no time: the k-th is taken `k` intervals after the capture time in the file name (pt-stalk's
/// `2026_11_29_02_15_13-vmstat`, read in `--tz`), the interval being pt-stalk's 1 s; a capture that nothing
/// dates is reported. Samples: CPU busy (100 − idle) and I/O wait in percent, and the run queue.
public struct VmstatParser: LineParser {
  public static let format = Format.vmstat
  public private(set) var assumedZone = false
  public private(set) var fault: FormatError?
  public let series: [MetricSeries] = [
    MetricSeries(name: "vmstat_cpu_busy_percent", labels: [], kind: .gauge),
    MetricSeries(name: "vmstat_cpu_iowait_percent", labels: [], kind: .gauge),
    MetricSeries(name: "vmstat_run_queue", labels: [], kind: .gauge),
  ]
  /// pt-stalk runs `vmstat 1`.
  static let intervalMilliseconds: Int64 = 1000

  private let path: String
  private let start: Timestamp?
  private var columns: (run: Int, idle: Int, wait: Int)?
  private var sinceBoot = true
  private var index: Int64 = 0
  private var pending: [Record] = []

  public init(context: ParserContext) {
    path = context.path
    if case .time(let time, let hasZone) = FileNameTime.read(
      path: context.path, utcOffsetSeconds: context.options.zone)
    {
      start = time
      assumedZone = !hasZone
    } else {
      start = nil
    }
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    line.matches("procs -", at: 0)
      || (line.matches(" r  b ", at: 0) && ByteLiterals.contains(line, " us sy id"))
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    if line.matches("procs", at: 0) { return .structure }
    let tokens = Self.tokens(line)
    guard let first = tokens.first else { return .structure }
    if !ASCII.isDigit(line[first.lowerBound]) {
      let names = tokens.map { String(decoding: UnsafeRawBufferPointer(rebasing: line[$0]), as: UTF8.self) }
      if let run = names.firstIndex(of: "r"), let idle = names.firstIndex(of: "id"),
        let wait = names.firstIndex(of: "wa")
      {
        columns = (run, idle, wait)
        sinceBoot = true
      }
      return .structure
    }
    guard let columns, tokens.count > max(columns.run, columns.idle, columns.wait) else {
      return .malformed(reason: "line \(number): vmstat values before a header that names r, id and wa")
    }
    if sinceBoot {
      sinceBoot = false
      return .structure
    }
    guard let start else {
      if fault == nil {
        fault = .untimed(
          path: path, line: number,
          detail:
            "no time for the vmstat lines from line \(number): keep pt-stalk's capture time in the file name")
      }
      return .malformed(reason: "line \(number): vmstat line with no capture time to count from")
    }
    func value(_ column: Int) -> Double? {
      line.unsignedInteger(at: tokens[column].lowerBound).map { Double($0.value) }
    }
    guard let idle = value(columns.idle), let wait = value(columns.wait), let run = value(columns.run) else {
      return .malformed(reason: "line \(number): vmstat values that are not numbers")
    }
    let time = Timestamp(milliseconds: start.milliseconds + index * Self.intervalMilliseconds)
    index += 1
    pending = [
      .sample(MetricSample(series: 1, time: time, value: wait)),
      .sample(MetricSample(series: 2, time: time, value: run)),
    ]
    return .sample(MetricSample(series: 0, time: time, value: 100 - idle))
  }

  public mutating func nextCompleted() -> Record? {
    pending.isEmpty ? nil : pending.removeFirst()
  }

  private static func tokens(_ line: UnsafeRawBufferPointer) -> [Range<Int>] {
    var tokens: [Range<Int>] = []
    var index = 0
    while index < line.count {
      index = line.skippingBlanks(from: index)
      let start = index
      while index < line.count, !ASCII.isBlank(line[index]) { index += 1 }
      if index > start { tokens.append(start..<index) }
    }
    return tokens
  }
}
