import Testing

@testable import Formats

@Suite("Prometheus text exposition")
struct PrometheusTextParserTests {
  @Test("TYPE lines are structure and set the kind; samples carry value and millisecond time")
  func documentedExample() throws {
    let run = ParserFeed.run(
      PrometheusTextParser.self,
      """
      # HELP http_requests_total The total number of HTTP requests.
      # TYPE http_requests_total counter
      http_requests_total{method="post",code="200"} 1027 1395066363000
      http_requests_total{method="post",code="400"}    3 1395066363000
      """)
    #expect(run.records[0] == .structure)
    #expect(run.records[1] == .structure)
    let first = try #require(ParserFeed.sample(run.records[2]))
    let second = try #require(ParserFeed.sample(run.records[3]))
    #expect(first.value == 1027)
    #expect(second.value == 3)
    #expect(first.time == Timestamp(milliseconds: 1_395_066_363_000))
    #expect(first.series != second.series)
    let series = run.parser.series[first.series]
    #expect(series.name == "http_requests_total")
    #expect(series.kind == .counter)
    #expect(series.labels.map(\.name) == ["code", "method"])
    #expect(series.label("code") == "200")
    #expect(run.parser.series[second.series].label("code") == "400")
    #expect(!run.parser.assumedZone)
  }

  @Test("label values unescape \\\\, \\\" and \\n; other escapes stay as written")
  func labelEscapes() throws {
    let run = ParserFeed.run(
      PrometheusTextParser.self,
      #"""
      msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9 1
      odd{path="a\tb"} 1 1
      braces{query="sum by (x) {y=\"}\"}"} 2 1
      """#)
    let escaped = try #require(ParserFeed.sample(run.records[0]))
    let series = run.parser.series[escaped.series]
    #expect(series.label("path") == #"C:\DIR\FILE.TXT"#)
    #expect(series.label("error") == "Cannot find file:\n\"FILE.TXT\"")
    #expect(escaped.value == 1.458255915e9)
    let odd = try #require(ParserFeed.sample(run.records[1]))
    #expect(run.parser.series[odd.series].label("path") == #"a\tb"#)
    let braces = try #require(ParserFeed.sample(run.records[2]))
    #expect(run.parser.series[braces.series].label("query") == #"sum by (x) {y="}"}"#)
    #expect(braces.value == 2)
  }

  @Test("NaN, +Inf, -Inf and exponents are values; a negative timestamp is before the epoch")
  func specialValues() throws {
    let run = ParserFeed.run(
      PrometheusTextParser.self,
      """
      something_weird{problem="division by zero"} +Inf -3982045
      nan_gauge NaN 1000
      down -Inf 1000
      go_gc_gomemlimit_bytes 9.03676723e+08 1000
      go_gc_duration_seconds{quantile="0"} 7.6238e-05 1000
      """)
    let weird = try #require(ParserFeed.sample(run.records[0]))
    #expect(weird.value == .infinity)
    #expect(weird.time == Timestamp(milliseconds: -3_982_045))
    #expect(try #require(ParserFeed.sample(run.records[1])).value.isNaN)
    #expect(try #require(ParserFeed.sample(run.records[2])).value == -.infinity)
    #expect(try #require(ParserFeed.sample(run.records[3])).value == 9.03676723e+08)
    #expect(try #require(ParserFeed.sample(run.records[4])).value == 7.6238e-05)
  }

  @Test("values read exactly as the standard library reads the same text", arguments: [0x5EED, 0xF10A7])
  func valuesMatchStandardLibrary(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    var mismatches: [String] = []
    for round in 0..<4000 {
      let text: String
      switch round % 4 {
      case 0:
        text =
          "\(Double(bitPattern: generator.next() & ~(0x7FF << 52) | (UInt64.random(in: 900...1150, using: &generator) << 52)))"
      case 1:
        text =
          "\(generator.next() >> UInt64.random(in: 0...63, using: &generator))e\(Int.random(in: -330...310, using: &generator))"
      case 2:
        let digits = String(generator.next() % 100_000_000_000_000_000)
        let point = Int.random(in: 0...digits.count, using: &generator)
        text =
          "-" + digits.prefix(point) + "." + digits.dropFirst(point)
          + "E+\(Int.random(in: 0...40, using: &generator))"
      default:
        text = String(Double.random(in: -1e6...1e6, using: &generator))
      }
      var bytes = text
      let parsed = bytes.withUTF8 { DecimalBytes.double(in: UnsafeRawBufferPointer($0), 0..<$0.count) }
      if parsed != Double(text) { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test("the same series twice gets the same id; label order, blanks and empty labels do not matter")
  func interning() throws {
    let run = ParserFeed.run(
      PrometheusTextParser.self,
      """
      up{job="node",instance="a:9100"} 1 1000
      up{job="node",instance="b:9100"} 0 1000
      up{job="node",instance="a:9100"} 1 2000
      up{ instance = "a:9100" , job="node", } 1 3000
      up{instance="a:9100",job="node",zone=""} 1 4000
      """)
    // Two instances of one series roll up to one series (`SeriesRollup`) and stay two members of it.
    let ids = try run.records.map { record -> [Int] in
      let sample = try #require(ParserFeed.sample(record))
      return [sample.series, Int(sample.member)]
    }
    #expect(ids[0] != ids[1])
    #expect(ids[2] == ids[0])
    #expect(ids[3] == ids[0])
    #expect(ids[4] == ids[0])
    #expect(run.parser.series.count == 1)
    #expect(run.parser.series.first?.rollup?.members == 2)
  }

  @Test("TYPE sets kinds; histogram and summary members belong to their family; no TYPE reads from the name")
  func kinds() throws {
    let run = ParserFeed.run(
      PrometheusTextParser.self,
      """
      # TYPE temperature gauge
      temperature 21.5 1
      # TYPE rpc_seconds summary
      rpc_seconds{quantile="0.5"} 0.2 1
      rpc_seconds_sum 14 1
      rpc_seconds_count 70 1
      # TYPE latency_seconds histogram
      latency_seconds_bucket{le="0.1"} 3 1
      latency_seconds_bucket{le="+Inf"} 5 1
      latency_seconds_sum 0.4 1
      latency_seconds_count 5 1
      # TYPE build_info untyped
      build_info{version="1"} 1 1
      errors_total 4 1
      queue_depth 2 1
      queue_depth_bucket 2 1
      """)
    var kinds: [String: MetricSeries.Kind] = [:]
    for record in run.records {
      guard let sample = ParserFeed.sample(record) else { continue }
      kinds[run.parser.series[sample.series].name] = run.parser.series[sample.series].kind
    }
    #expect(kinds["temperature"] == .gauge)
    #expect(kinds["rpc_seconds"] == .summary)
    #expect(kinds["rpc_seconds_sum"] == .summary)
    #expect(kinds["rpc_seconds_count"] == .summary)
    #expect(kinds["latency_seconds_bucket"] == .histogram)
    #expect(kinds["latency_seconds_sum"] == .histogram)
    #expect(kinds["latency_seconds_count"] == .histogram)
    #expect(kinds["build_info"] == .untyped)
    #expect(kinds["errors_total"] == .counter)
    #expect(kinds["queue_depth"] == .untyped)
    #expect(kinds["queue_depth_bucket"] == .untyped)
    #expect(run.records.filter { ParserFeed.isMalformed($0) }.isEmpty)
  }

  @Test("concatenated scrapes repeat their HELP/TYPE lines and keep every series' id")
  func concatenatedScrapes() throws {
    let scrape = { (time: Int, value: Int) in
      """
      # HELP mysql_global_status_threads_connected Threads connected.
      # TYPE mysql_global_status_threads_connected gauge
      mysql_global_status_threads_connected \(value) \(time)
      # HELP mysql_info_schema_processes_by_user Processes by user.
      # TYPE mysql_info_schema_processes_by_user gauge
      mysql_info_schema_processes_by_user{mysql_user="shipping"} \(value - 2) \(time)
      mysql_info_schema_processes_by_user{mysql_user="ratings"} 2 \(time)

      """
    }
    let run = ParserFeed.run(
      PrometheusTextParser.self, scrape(1_700_000_000_000, 12) + scrape(1_700_000_015_000, 151))
    let samples = run.records.compactMap(ParserFeed.sample)
    #expect(samples.count == 6)
    #expect(run.parser.series.count == 3)
    #expect(samples[..<3].map(\.series) == samples[3...].map(\.series))
    #expect(samples[3].time.milliseconds - samples[0].time.milliseconds == 15_000)
    #expect(samples[3].value == 151)
    #expect(run.parser.series.allSatisfy { $0.kind == .gauge })
  }

  @Test(
    "a sample without a timestamp in a file with no modification time is malformed; later lines still parse")
  func missingTimestamp() throws {
    let run = ParserFeed.run(
      PrometheusTextParser.self,
      """
      metric_without_timestamp_and_labels 12.47
      metric_with_timestamp 12.47 1000
      """)
    guard case .malformed(let reason) = run.records[0] else {
      Issue.record("expected a malformed record, got \(run.records[0])")
      return
    }
    #expect(reason.hasPrefix("sample without timestamp"))
    #expect(ParserFeed.sample(run.records[1]) != nil)
  }

  @Test(
    "broken sample lines are malformed, never a crash",
    arguments: [
      #"open{a="b" 1 1000"#, #"open{a="b} 1 1000"#, "name_only", "9starts_with_digit 1 1000",
      "text_value abc 1000", "bad_timestamp 1 1.5.5", "too_many 1 1000 extra", #"unquoted{a=b} 1 1000"#,
      #"twice{a="1",a="2"} 1 1000"#, #"nocomma{a="1" b="2"} 1 1000"#, "{__name__=\"x\"} 1 0",
      "# TYPE only_a_name",
    ])
  func brokenLines(line: String) {
    let run = ParserFeed.run(PrometheusTextParser.self, line + "\nafter 1 1000")
    #expect(ParserFeed.isMalformed(run.records[0]))
    #expect(ParserFeed.sample(run.records[1]) != nil)
  }

  @Test("other comments, # EOF and blank lines are structure")
  func structureLines() {
    let run = ParserFeed.run(PrometheusTextParser.self, "# a comment\n\n   \n# EOF\n#HELP x y")
    #expect(run.records.allSatisfy { $0 == .structure })
  }

  @Test("recognises HELP and TYPE lines and timestamped samples only")
  func recognition() {
    for line in [
      "# HELP http_requests_total The total number of HTTP requests.", "# TYPE up gauge",
      #"http_requests_total{method="post",code="200"} 1027 1395066363000"#, "up 1 1700000000000",
    ] {
      #expect(ParserFeed.recognizes(PrometheusTextParser.self, line), "\(line)")
    }
    for line in [
      "metric_without_timestamp_and_labels 12.47", #"{__name__="heavy_metric", foo="bar"} 5 0"#,
      "my_counter{baz=\"abc\",foo=\"bar\"} 1 0.000", "# just a comment", "# HELP",
      "2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.e.j.s.SqlExceptionHelper : boom",
      "| 52605 | rdsadmin | localhost:26632 | mysql | Sleep | 13 | | NULL |", "",
    ] {
      #expect(!ParserFeed.recognizes(PrometheusTextParser.self, line), "\(line)")
    }
  }
}

extension PrometheusTextParserTests {
  @Test("damaged lines never crash the parser or the recogniser, and each gives one record")
  func damagedLines() {
    let examples = [
      #"http_requests_total{method="post",code="200"} 1027 1395066363000"#,
      #"msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9 1"#,
      "# TYPE rpc_durations_histogram_seconds histogram",
      "something_weird{problem=\"division by zero\"} +Inf -3982045",
    ]
    let lines = DamagedLines.variants(of: examples, seed: 0x9E0)
    let run = ParserFeed.run(PrometheusTextParser.self, bytes: Array(lines.joined(separator: [0x0A])))
    #expect(run.records.count == lines.count)
    for line in lines { _ = line.withUnsafeBytes(PrometheusTextParser.recognizes) }
    #expect(run.records.compactMap(ParserFeed.sample).allSatisfy { $0.series < run.parser.series.count })
  }
}

/// Example lines with random bytes overwritten, inserted or removed (and every prefix of each), from a fixed
/// seed: what a truncated or corrupted capture feeds a parser.
enum DamagedLines {
  static func variants(of examples: [String], seed: UInt64, count: Int = 500) -> [[UInt8]] {
    var generator = SeededGenerator(seed: seed)
    let alphabet: [UInt8] = Array(#" "{}[]|+-=,.:#\e09TSN"#.utf8) + [0x09, 0x00, 0xFF, 0xE6]
    var lines: [[UInt8]] = []
    for example in examples.map({ Array($0.utf8) }) {
      for end in 0...example.count { lines.append(Array(example[..<end])) }
      for _ in 0..<count {
        var line = example
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          let position = Int.random(in: 0...line.count, using: &generator)
          let byte = alphabet.randomElement(using: &generator)!
          switch Int.random(in: 0..<3, using: &generator) {
          case 0 where position < line.count: line[position] = byte
          case 1: line.insert(byte, at: position)
          default: if position < line.count { line.remove(at: position) }
          }
        }
        lines.append(line)
      }
    }
    return lines
  }
}

/// Runs a line parser over literal text or file bytes, the way a source would, numbering lines from 1.
enum ParserFeed {
  struct Run<P: LineParser> {
    var parser: P
    /// One record per line, each followed by those it completed (`nextCompleted()`), then the same for
    /// `finish()`.
    var records: [Record]
    /// The parser's fault once the text ended.
    var failure: FormatError? { parser.fault }
  }

  static func run<P: LineParser>(
    _: P.Type, _ text: String, path: String = "evidence.txt", utcOffsetSeconds: Int = 0
  ) -> Run<P> {
    run(P.self, bytes: Array(text.utf8), path: path, utcOffsetSeconds: utcOffsetSeconds)
  }

  static func run<P: LineParser>(
    _: P.Type, bytes: [UInt8], path: String = "evidence.txt", utcOffsetSeconds: Int = 0
  ) -> Run<P> {
    var parser = P(
      context: ParserContext(path: path, options: ReadOptions(utcOffsetSeconds: utcOffsetSeconds)))
    var records: [Record] = []
    func drain() {
      while let record = parser.nextCompleted() { records.append(record) }
    }
    bytes.withUnsafeBytes { buffer in
      var number = 0
      var start = 0
      while start < buffer.count {
        let end = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
        number += 1
        records.append(parser.parse(UnsafeRawBufferPointer(rebasing: buffer[start..<end]), number: number))
        drain()
        start = end + 1
      }
    }
    while let last = parser.finish() { records.append(last) }
    drain()
    return Run(parser: parser, records: records)
  }

  static func recognizes<P: LineParser>(_: P.Type, _ line: String) -> Bool {
    var line = line
    return line.withUTF8 { P.recognizes(UnsafeRawBufferPointer($0)) }
  }

  static func sample(_ record: Record) -> MetricSample? {
    if case .sample(let sample) = record { return sample }
    return nil
  }

  static func snapshot(_ record: Record) -> ProcesslistSnapshot? {
    if case .snapshot(let snapshot) = record { return snapshot }
    return nil
  }

  static func isMalformed(_ record: Record) -> Bool {
    if case .malformed = record { return true }
    return false
  }
}

/// SplitMix64: a fixed seed gives the same inputs on every run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}

@Suite("Scrapes without timestamps")
struct UntimedScrapeTests {
  @Test("`# scrape <time>` lines date the samples after them, RFC 3339 or epoch seconds")
  func separators() {
    let text = [
      "# scrape 2026-11-27T03:00:00Z", "up 1", "threads 3", "# scrape 1795748410", "up 0", "threads 4",
    ].joined(separator: "\n")
    let run = ParserFeed.run(PrometheusTextParser.self, text)
    let samples = run.records.compactMap(ParserFeed.sample)
    #expect(
      samples.map(\.time.milliseconds) == [
        1_795_748_400_000, 1_795_748_400_000, 1_795_748_410_000, 1_795_748_410_000,
      ])
    #expect(!run.records.contains(where: ParserFeed.isMalformed))
  }

  @Test("one scrape a file: each dated by its pt-stalk file name")
  func fileNames() throws {
    for (name, seconds) in [("2026_11_27_03_00_00-metrics", 0), ("2026_11_27_03_00_10-metrics", 10)] {
      let run = ParserFeed.run(PrometheusTextParser.self, "# TYPE up gauge\nup 1\nthreads 3", path: name)
      let times = run.records.compactMap(ParserFeed.sample).map(\.time.milliseconds)
      let expected: Int64 = 1_795_748_400_000 + Int64(seconds) * 1000
      #expect(times == [expected, expected])
    }
  }

  @Test("a second scrape with nothing to date it is reported, not stacked onto the first")
  func undatedRepeat() {
    let run = ParserFeed.run(PrometheusTextParser.self, "up 1\nup 0", path: "2026_11_27_03_00_00-metrics")
    #expect(ParserFeed.sample(run.records[0]) != nil)
    guard case .malformed(let reason) = run.records[1] else {
      Issue.record("the second scrape was read")
      return
    }
    #expect(reason.contains("# scrape"))
  }
}
