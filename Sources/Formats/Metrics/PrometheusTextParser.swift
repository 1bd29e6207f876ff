/// Prometheus text exposition (0.0.4) and OpenMetrics text, several scrapes concatenated; lenient: each line
/// is read on its own, and what strict OpenMetrics rejects (`OpenMetricsValidator`) is read when it makes sense.
///
/// Timestamps are integer milliseconds (0.0.4) or seconds (OpenMetrics: a fraction or exponent, or an integer
/// of 10–11 digits, which as milliseconds would fall in 1970–73). A sample without one takes the time of its
/// scrape: the latest `# scrape <RFC 3339 time or epoch>` line (capture loops write one before each scrape),
/// else a pt-stalk capture time in the file name, else the file's modification time, when a single saved
/// scrape was written. A series met twice with neither a timestamp nor a `# scrape` line between is a second
/// scrape that nothing dates: it is reported, not stacked onto the first. Exemplars are skipped.
///
/// Per sample line the work is a scan, two hashes of the `name{labels}` bytes and two number parses; a
/// `MetricSeries` (with its `String`s) is built only the first time a spelling is seen, and replicas of one
/// series (`instance`, a pod's hash) roll up to their service as they come (`RollupTable`).
public struct PrometheusTextParser: LineParser {
  public static let format = Format.prometheusText

  /// A `# HELP x …`, `# TYPE x …` or `# UNIT x …` line, or a sample line that carries an integer timestamp;
  /// not `# EOF`, which `promtool tsdb dump-openmetrics` output ends with too.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if let keyword = metadataKeyword(line) {
      let name = PrometheusSampleLine.skipBlanks(line, from: keyword.upperBound)
      return name > keyword.upperBound && name < line.count && PrometheusSampleLine.isNameStart(line[name])
    }
    guard case .sample(let sample) = PrometheusSampleLine.scan(line), let timestamp = sample.timestamp else {
      return false
    }
    // Integer timestamps only: a seconds timestamp alone is no sign of exposition (promtool dumps write them).
    return DecimalBytes.double(in: line, sample.value) != nil
      && DecimalBytes.int64(in: line, timestamp) != nil
  }

  public var series: [MetricSeries] { table.series }
  /// Each spelling of `name{labels}` seen so far, rolled up to its service (`SeriesRollup`).
  private var table = RollupTable()
  /// Exposition timestamps are epoch milliseconds: no zone is ever assumed.
  public private(set) var assumedZone = false

  /// Spellings that differ only in label order or blanks meet here.
  private var families = MetricFamilies()

  private let path: String
  /// The pt-stalk capture time of the file name, read with `--tz`.
  private let fileNameTime: Timestamp?
  /// The file's modification time, looked up at the first sample without a timestamp; nil inside when none.
  private var fileTime: Timestamp??
  /// The time of the latest `# scrape` line.
  private var scrapeTime: Timestamp?
  /// Series (members of rollups, or groups when not rolled up, negative) dated by the file's name or
  /// modification time since the last `# scrape` line.
  private var undated = Set<Int>()

  public init(context: ParserContext) {
    path = context.path
    fileNameTime = SnapshotClock.fileNameTime(
      path: context.path, utcOffsetSeconds: context.options.utcOffsetSeconds)
  }

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
    let time: Timestamp
    var datedByFile = false
    if let timestampRange = sample.timestamp {
      guard let written = Self.time(in: line, timestampRange) else {
        return .malformed(reason: "sample timestamp is not a number of milliseconds or seconds")
      }
      time = written
    } else if let scrapeTime {
      time = scrapeTime
    } else {
      if fileTime == nil { fileTime = .some(fileNameTime ?? Timestamp.modification(ofFile: path)) }
      guard let saved = fileTime ?? nil else {
        return .malformed(reason: "sample without timestamp, and no file modification time to date it by")
      }
      time = saved
      datedByFile = true
    }
    let entry: RollupTable.Entry
    switch seriesEntry(of: sample, in: line) {
    case .entry(let found): entry = found
    case .malformed(let reason): return .malformed(reason: reason)
    }
    if datedByFile, !undated.insert(entry.member >= 0 ? Int(entry.member) : -entry.group - 1).inserted {
      return .malformed(
        reason: "a second scrape without timestamps: separate scrapes with `# scrape <time>` lines")
    }
    return .sample(
      MetricSample(series: entry.group, time: time, value: value, member: entry.member, leads: entry.leads))
  }

  /// Integer milliseconds, or seconds when written with a fraction or exponent or as a 10–11 digit integer;
  /// seconds far beyond any date saturate rather than overflow.
  static func time(in line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Timestamp? {
    if let integer = DecimalBytes.int64(in: line, range) {
      let seconds = integer >= 1_000_000_000 && integer < 100_000_000_000
      return Timestamp(milliseconds: seconds ? integer * 1000 : integer)
    }
    guard let seconds = DecimalBytes.double(in: line, range), seconds.isFinite else { return nil }
    let milliseconds = (seconds * 1000).rounded()
    let limit = Double(Int64.max / 2)
    return Timestamp(milliseconds: Int64(max(-limit, min(limit, milliseconds))))
  }

  private enum SeriesLookup {
    case entry(RollupTable.Entry)
    case malformed(String)
  }

  private mutating func seriesEntry(of sample: PrometheusSampleLine, in line: UnsafeRawBufferPointer)
    -> SeriesLookup
  {
    let spelling = UnsafeRawBufferPointer(rebasing: line[sample.series])
    if let entry = table.entry(for: spelling) { return .entry(entry) }
    var failure = "label set cannot be read"
    let families = families
    let added = table.add(spelling: spelling) { () -> MetricSeries? in
      switch sample.labels(in: line) {
      case .labels(let labels):
        let name = UnsafeRawBufferPointer(rebasing: line[sample.name])
        return MetricSeries(
          name: String(decoding: name, as: UTF8.self), labels: labels, kind: families.kind(ofSeriesNamed: name))
      case .malformed(let reason):
        failure = reason
        return nil
      }
    }
    return added.map(SeriesLookup.entry) ?? .malformed(failure)
  }

  /// `# TYPE` declares a family's kind; `# scrape <time>` dates the samples after it; `# HELP`, `# UNIT`,
  /// other comments and `# EOF` carry no data.
  private mutating func comment(_ line: UnsafeRawBufferPointer) -> Record {
    if let time = Self.scrapeStamp(line) {
      scrapeTime = time
      undated.removeAll()
      return .structure
    }
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

  /// The time of a `# scrape 2026-11-27T03:04:10Z` or `# scrape 1795748650` line.
  static func scrapeStamp(_ line: UnsafeRawBufferPointer) -> Timestamp? {
    let hash = PrometheusSampleLine.skipBlanks(line, from: 0)
    guard hash < line.count, line[hash] == PrometheusSampleLine.hash else { return nil }
    let keyword = PrometheusSampleLine.skipBlanks(line, from: hash + 1)
    guard line.matches("scrape ", at: keyword) else { return nil }
    let start = PrometheusSampleLine.skipBlanks(line, from: keyword + 7)
    var end = line.count
    while end > start, PrometheusSampleLine.isBlank(line[end - 1]) { end -= 1 }
    if let scanned = TimestampScanner.dateTime(in: line, at: start, localOffsetSeconds: 0), scanned.hasZone,
      scanned.end == end
    {
      return scanned.timestamp
    }
    return TimestampScanner.epoch(in: line, start..<end)
  }

  /// The range of `HELP`, `TYPE` or `UNIT` in a `# HELP …` / `# TYPE …` / `# UNIT …` line.
  private static func metadataKeyword(_ line: UnsafeRawBufferPointer) -> Range<Int>? {
    let hash = PrometheusSampleLine.skipBlanks(line, from: 0)
    guard hash < line.count, line[hash] == PrometheusSampleLine.hash else { return nil }
    let start = PrometheusSampleLine.skipBlanks(line, from: hash + 1)
    let keyword = start..<(start + 4)
    guard keyword.upperBound < line.count, PrometheusSampleLine.isBlank(line[keyword.upperBound]),
      ByteLiterals.equals(line, keyword, "HELP") || ByteLiterals.equals(line, keyword, "TYPE")
        || ByteLiterals.equals(line, keyword, "UNIT")
    else { return nil }
    return keyword
  }
}
