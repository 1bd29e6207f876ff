import Foundation
import Ingest
import Testing

@testable import Formats

@Suite("OpenMetrics strict validation")
struct OpenMetricsValidatorTests {
  private static func validate(_ text: String) -> OpenMetricsViolation? {
    Array(text.utf8).withUnsafeBytes { OpenMetricsValidator.validate($0) }
  }

  @Test("a family with HELP, TYPE, UNIT, a histogram with exemplars and timestamps conforms")
  func conforming() {
    let text = """
      # HELP rpc_duration_seconds RPC latency.
      # TYPE rpc_duration_seconds histogram
      # UNIT rpc_duration_seconds seconds
      rpc_duration_seconds_bucket{service="cart",le="0.1"} 3 1700000000.5 # {trace_id="4bf92f"} 0.07
      rpc_duration_seconds_bucket{service="cart",le="+Inf"} 5 1700000000.5
      rpc_duration_seconds_count{service="cart"} 5 1700000000.5
      rpc_duration_seconds_sum{service="cart"} 1.25 1700000000.5
      # TYPE up gauge
      up{instance="a:9100"} 1
      # EOF

      """
    #expect(Self.validate(text) == nil)
  }

  @Test(
    "the violation names the line and the rule",
    arguments: [
      ("up 1\n", 2, "missing `# EOF`"),
      ("up 1\n\n# EOF\n", 2, "blank line"),
      ("up 1\n# EOF\nup 2\n", 3, "after `# EOF`"),
      ("# TYPE a counter\na_total -1\n# EOF\n", 2, "negative"),
      ("# TYPE a gauge\na 1\n# HELP a late\n# EOF\n", 3, "metadata after"),
      ("# TYPE a_bytes gauge\n# UNIT a_bytes seconds\na_bytes 1\n# EOF\n", 4, "end with `_` and its unit"),
      ("# TYPE a untyped\n# EOF\n", 1, "unknown"),
      ("a{b=\"1\",} 1\n# EOF\n", 1, "trailing comma"),
      ("a 0x1\n# EOF\n", 1, "no hex"),
      ("# TYPE a gauge\na 1 # {t=\"x\"} 1\n# EOF\n", 2, "exemplars belong only"),
      ("# TYPE a histogram\na_bucket{le=\"2\"} 1\na_bucket{le=\"1\"} 1\n# EOF\n", 3, "increasing order"),
      ("a{x=\"1\"} 1\na{x=\"2\"} 1\na{x=\"1\"} 2\n# EOF\n", 3, "interleaved"),
      ("a 1 2\na 1 1\n# EOF\n", 2, "backwards"),
      ("# TYPE a counter\na_total 1\n# TYPE a_total gauge\n# EOF\n", 4, "clashes"),
    ])
  func violations(text: String, line: Int, rule: String) throws {
    let violation = try #require(Self.validate(text))
    #expect(violation.line == line)
    #expect(violation.reason.contains(rule), "\(violation)")
  }

  @Test("exemplar labels may hold 128 characters, counted as Unicode scalars, not bytes")
  func exemplarLength() {
    let exactly128 = "☃" + String(repeating: "x", count: 126)
    let header = "# TYPE a counter\n"
    #expect(Self.validate(header + "a_total 1 # {a=\"\(exactly128)\"} 1\n# EOF\n") == nil)
    #expect(Self.validate(header + "a_total 1 # {a=\"\(exactly128)x\"} 1\n# EOF\n") != nil)
  }

  @Test("the streaming form gives the same verdict as the whole-buffer form, line by line")
  func streaming() {
    var validator = OpenMetricsValidator()
    for line in ["# TYPE a stateset", "a{a=\"on\"} 1", "a{a=\"off\"} 0", "# EOF"] {
      var bytes = Array(line.utf8)
      #expect(bytes.withUnsafeMutableBytes { validator.accept(UnsafeRawBufferPointer($0)) } == nil)
    }
    #expect(validator.finish() == nil)
  }
}

@Suite("Prometheus text exposition: OpenMetrics input read leniently")
struct PrometheusTextOpenMetricsTests {
  @Test("fractional, exponent and 10-digit timestamps are seconds; 13-digit ones milliseconds")
  func timestampUnits() throws {
    let run = ParserFeed.run(
      PrometheusTextParser.self,
      """
      a_total 1 1700000000.25
      a_total 2 1.7e9
      a_total 3 1700000000
      a_total 4 1700000000000
      a_total 5 1000
      """)
    let times = try run.records.map { try #require(ParserFeed.sample($0)).time.milliseconds }
    #expect(times == [1_700_000_000_250, 1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000, 1000])
  }

  @Test("a sample without a timestamp takes the file's modification time")
  func untimestampedSamplesTakeFileTime() throws {
    let path = NSTemporaryDirectory() + "postmortem-om-\(getpid()).txt"
    try "# TYPE up gauge\nup 1\n# EOF\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let modified = try #require(
      FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    var reader = SourceReader(source: Source(path: path), format: .prometheusText)
    var samples: [MetricSample] = []
    try reader.read { record, _ in if case .sample(let sample) = record { samples.append(sample) } }
    let sample = try #require(samples.first)
    #expect(samples.count == 1)
    #expect(abs(Double(sample.time.milliseconds) / 1000 - modified.timeIntervalSince1970) < 1)
    #expect(reader.stats.skipped == 0)
  }

  @Test(
    "# UNIT and # EOF are structure; UNIT lines are recognised, # EOF is not (promtool dumps end with it)")
  func openMetricsComments() {
    let run = ParserFeed.run(PrometheusTextParser.self, "# UNIT a_seconds seconds\n# EOF")
    #expect(run.records == [.structure, .structure])
    #expect(ParserFeed.recognizes(PrometheusTextParser.self, "# UNIT a_seconds seconds"))
    #expect(!ParserFeed.recognizes(PrometheusTextParser.self, "# EOF"))
  }
}
