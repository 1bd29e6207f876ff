import Foundation
import Ingest
import Testing

@testable import Formats

/// The OpenMetrics project's parser test suite: each case a `metrics` file and a `test.json` saying whether a
/// conforming parser must accept it.
@Suite("OpenMetrics test suite", .enabled(if: OpenMetricsSuite.directory != nil))
struct OpenMetricsSuiteTests {
  @Test("strict mode classifies at least 95% of the cases as the suite does")
  func strictScore() throws {
    let cases = try OpenMetricsSuite.cases()
    var wrong: [String] = []
    for suiteCase in cases {
      let violation = suiteCase.bytes.withUnsafeBytes { OpenMetricsValidator.validate($0) }
      if (violation == nil) != suiteCase.shouldParse {
        wrong.append("\(suiteCase.name): \(violation.map(\.description) ?? "accepted")")
      }
    }
    #expect(cases.count >= 200)
    #expect((cases.count - wrong.count) * 100 >= cases.count * 95, "wrong: \(wrong)")
  }

  @Test("every conforming case is read by the lenient default parser with no line skipped and no sample lost")
  func lenientReadsConformingCases() throws {
    let good = try OpenMetricsSuite.cases().filter(\.shouldParse)
    #expect(good.count >= 40)
    for suiteCase in good {
      var reader = SourceReader(source: Source(path: suiteCase.path), format: .prometheusText)
      var samples: [MetricSample] = []
      try reader.read { record, _ in if case .sample(let sample) = record { samples.append(sample) } }
      let sampleLines = suiteCase.bytes.split(separator: UInt8(0x0A)).count { $0.first != 0x23 }
      #expect(reader.stats.skipped == 0, "\(suiteCase.name): \(reader.stats.skippedExamples)")
      #expect(samples.count == sampleLines, "\(suiteCase.name)")
      #expect(samples.allSatisfy { $0.series < reader.series.count }, "\(suiteCase.name)")
    }
  }

  @Test("the lenient parser keeps label values with escapes, braces and ` # `, and skips exemplars")
  func lenientDetails() throws {
    let directory = try #require(OpenMetricsSuite.directory)
    var reader = SourceReader(source: Source(path: directory + "/escaping/metrics"), format: .prometheusText)
    var values: [Double] = []
    try reader.read { record, _ in if case .sample(let sample) = record { values.append(sample.value) } }
    #expect(values == [1, 2, 3, 4])
    #expect(
      Set(reader.series.compactMap { $0.label("foo") }) == ["b\"a\nr", #"b\a\z"#, "b\"a\nr # ", #"b\a\z # "#])

    var exemplars = SourceReader(
      source: Source(path: directory + "/histogram_exemplars/metrics"), format: .prometheusText)
    var buckets: [Double] = []
    try exemplars.read { record, _ in if case .sample(let sample) = record { buckets.append(sample.value) } }
    #expect(buckets == [0, 2, 3])
    #expect(exemplars.series.map { $0.label("le") } == ["1.0", "2.0", "+Inf"])
  }
}

/// Where the suite lives and what each case says.
enum OpenMetricsSuite {
  struct Case {
    var name: String
    var path: String
    var bytes: [UInt8]
    var shouldParse: Bool
  }

  /// `POSTMORTEM_FIXTURES/openmetrics`, else `../shared/fixtures/openmetrics` beside the package root.
  static let directory: String? = RealLogFixtures.directory.map { $0 + "/openmetrics" }.flatMap {
    FileManager.default.fileExists(atPath: $0) ? $0 : nil
  }

  private struct Expectation: Decodable {
    var shouldParse: Bool
  }

  static func cases() throws -> [Case] {
    let directory = try #require(directory)
    return try FileManager.default.contentsOfDirectory(atPath: directory).sorted().compactMap { name in
      let folder = "\(directory)/\(name)"
      guard FileManager.default.fileExists(atPath: "\(folder)/test.json") else { return nil }
      let expectation = try JSONDecoder().decode(
        Expectation.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/test.json")))
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/metrics")))
      return Case(name: name, path: "\(folder)/metrics", bytes: bytes, shouldParse: expectation.shouldParse)
    }
  }
}
