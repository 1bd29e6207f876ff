import ArgumentParser
import Formats
import Foundation
import Ingest

/// The OpenMetrics test suite's cases, classified by the strict validator and read by the lenient parser;
/// then both timed on a large generated exposition.
struct OpenMetricsBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "openmetrics",
    abstract:
      "Score strict OpenMetrics validation on the OpenMetrics test suite; time text exposition parsing.",
    discussion: """
      FIXTURES_DIR holds one folder per case with `metrics` and `test.json` ("shouldParse"); by default \
      $POSTMORTEM_FIXTURES/openmetrics, else ../shared/fixtures/openmetrics. Last line: \
      openmetrics correct <k> of <n>
      """)

  @Argument(help: "The OpenMetrics test suite's folder of cases.")
  var fixtures: String?

  @Option(help: "Size of the generated exposition to time the parsers on, e.g. 100MB; 0 skips timing.")
  var size = "100MB"

  @Option(help: "Timing runs; the fastest is reported.")
  var runs = 3

  @Flag(help: "Print every case's verdict, not only the mismatches.")
  var verbose = false

  struct TestCase: Decodable {
    var shouldParse: Bool
  }

  func run() throws {
    let directory = try Self.directory(fixtures)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted().filter {
      FileManager.default.fileExists(atPath: "\(directory)/\($0)/test.json")
    }
    guard !names.isEmpty else { throw ValidationError("\(directory): no OpenMetrics test cases in it") }
    var correct = 0
    var lenientFailures: [String] = []
    var goodCases = 0
    var undetected: [String] = []
    for name in names {
      let folder = "\(directory)/\(name)"
      let expected = try JSONDecoder().decode(
        TestCase.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/test.json")))
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/metrics")))
      let violation = bytes.withUnsafeBytes { OpenMetricsValidator.validate($0) }
      if (violation == nil) == expected.shouldParse {
        correct += 1
        if verbose { print("ok \(name): \(violation.map { "rejected at \($0)" } ?? "accepted")") }
      } else if let violation {
        print("mismatch \(name): conforming, but rejected at \(violation)")
      } else {
        print("mismatch \(name): not conforming, but accepted")
      }
      if expected.shouldParse {
        goodCases += 1
        if let loss = Self.lenientLoss(path: "\(folder)/metrics", bytes: bytes) {
          lenientFailures.append("\(name): \(loss)")
        }
        if Self.detectedFormat(path: "\(folder)/metrics") != .prometheusText { undetected.append(name) }
      }
    }
    for failure in lenientFailures { print("lenient loss \(failure)") }
    print(
      "lenient default mode: \(goodCases - lenientFailures.count) of \(goodCases) conforming cases read whole"
    )
    print(
      "detected as Prometheus text by content alone: \(goodCases - undetected.count) of \(goodCases) "
        + "conforming cases\(undetected.isEmpty ? "" : " (not: \(undetected.joined(separator: ", ")))")")
    if let bytes = IngestBenchmark.parse(size), bytes > 0 { try time(bytes: Int(bytes)) }
    print("openmetrics correct \(correct) of \(names.count)")
  }

  /// The fixtures folder: the argument, else `$POSTMORTEM_FIXTURES/openmetrics`, else the shared checkout's.
  static func directory(_ argument: String?) throws -> String {
    let path =
      argument
      ?? ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"].map { "\($0)/openmetrics" }
      ?? "../shared/fixtures/openmetrics"
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw ValidationError(
        "\(path): no OpenMetrics test suite there; pass FIXTURES_DIR or set POSTMORTEM_FIXTURES")
    }
    return path
  }

  /// What the default (lenient) parser loses of a conforming case: nil when every sample line is a sample and
  /// nothing is skipped.
  static func lenientLoss(path: String, bytes: [UInt8]) -> String? {
    let sampleLines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).count { $0.first != 0x23 }
    var reader = SourceReader(source: Source(path: path), format: .prometheusText)
    var samples = 0
    do {
      try reader.read { record, _ in if case .sample = record { samples += 1 } }
    } catch {
      return "\(error)"
    }
    if let example = reader.stats.skippedExamples.first {
      return "\(reader.stats.skipped) lines skipped, e.g. line \(example.line): \(example.reason)"
    }
    if samples != sampleLines { return "\(samples) samples of \(sampleLines) sample lines" }
    return nil
  }

  /// The format content detection picks for the file, if any.
  static func detectedFormat(path: String) -> Format? {
    var reader = SourceReader(source: Source(path: path))
    try? reader.read { _, _ in }
    return reader.stats.format
  }

  /// Times the lenient parser and the strict validator on one generated, conforming exposition.
  private func time(bytes target: Int) throws {
    let text = Self.exposition(bytes: target)
    let megabytes = Double(text.count) / 1e6
    var lines = 0
    var lenient = Double.infinity
    var strict = Double.infinity
    var verdict = "conforming"
    for _ in 0..<max(1, runs) {
      var start = DispatchTime.now().uptimeNanoseconds
      var samples = 0
      text.withUnsafeBytes { buffer in
        var parser = PrometheusTextParser(
          context: ParserContext(path: "generated.om", options: ReadOptions()))
        lines = 0
        var offset = 0
        let base = buffer.baseAddress!
        while offset < buffer.count {
          let end =
            memchr(base + offset, 0x0A, buffer.count - offset).map { base.distance(to: $0) } ?? buffer.count
          lines += 1
          if case .sample = parser.parse(
            UnsafeRawBufferPointer(rebasing: buffer[offset..<end]), number: lines)
          {
            samples += 1
          }
          offset = end + 1
        }
      }
      lenient = min(lenient, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      start = DispatchTime.now().uptimeNanoseconds
      let violation = text.withUnsafeBytes { OpenMetricsValidator.validate($0) }
      strict = min(strict, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      if let violation { verdict = "rejected at \(violation)" }
      guard samples > 0 else { throw ValidationError("the generated exposition gave no samples") }
    }
    print(
      "generated exposition: \(Int(megabytes)) MB, \(lines) lines, \(verdict) (best of \(max(1, runs)) runs)")
    print(
      "text exposition lenient parser: \(Int(megabytes / lenient)) MB/s, "
        + "\(Int(Double(lines) / lenient)) lines/s")
    print(
      "openmetrics strict validator: \(Int(megabytes / strict)) MB/s, \(Int(Double(lines) / strict)) lines/s")
  }

  /// A `promtool tsdb dump-openmetrics`-like exposition of about `bytes`: counter and histogram families, each
  /// series with a run of samples 15 s apart (timestamps in seconds), ending with `# EOF`.
  static func exposition(bytes target: Int) -> [UInt8] {
    var text: [UInt8] = []
    text.reserveCapacity(target + 4096)
    var family = 0
    while text.count < target {
      var chunk = """
        # HELP http_requests_\(family) Requests handled, by method and status.
        # TYPE http_requests_\(family) counter

        """
      for series in 0..<6 {
        for step in 0..<40 {
          chunk += """
            http_requests_\(family)_total{instance="10.1.\(series).7:9100",job="shipping",method="GET",\
            code="\(200 + series)"} \(step * 37 + series) \(1_700_000_000 + step * 15).123

            """
        }
      }
      chunk += """
        # HELP request_duration_\(family)_seconds Request latency.
        # TYPE request_duration_\(family)_seconds histogram
        # UNIT request_duration_\(family)_seconds seconds

        """
      for step in 0..<40 {
        var cumulative = 0
        for bound in ["0.005", "0.05", "0.5", "5", "+Inf"] {
          cumulative += step + 3
          chunk += """
            request_duration_\(family)_seconds_bucket{job="shipping",le="\(bound)"} \(cumulative) \
            \(1_700_000_000 + step * 15).123

            """
        }
        chunk += """
          request_duration_\(family)_seconds_count{job="shipping"} \(cumulative) \(1_700_000_000 + step * 15).123
          request_duration_\(family)_seconds_sum{job="shipping"} \(Double(cumulative) * 0.042) \
          \(1_700_000_000 + step * 15).123

          """
      }
      text.append(contentsOf: chunk.utf8)
      family += 1
    }
    text.append(contentsOf: "# EOF\n".utf8)
    return text
  }
}
