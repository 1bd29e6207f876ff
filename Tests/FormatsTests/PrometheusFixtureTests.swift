import Foundation
import Testing

@testable import Formats

/// A real exposition file (prometheus/prometheus `textparse` test data, 237 metric families of every type,
/// label values with spaces and `;`), turned into two timestamped scrapes the way a capture loop would.
@Suite("Prometheus fixtures", .enabled(if: DatabaseFixtures.directory != nil))
struct PrometheusFixtureTests {
  private static let allTypes = "prometheus/textparse-alltypes.237mfs.prom.txt"

  /// The file's lines, each sample line given `timestamp`.
  private static func scrape(at timestamp: Int64) throws -> [String] {
    try DatabaseFixtures.lines(allTypes).map { line in
      line.isEmpty || line.hasPrefix("#") ? line : "\(line) \(timestamp)"
    }
  }

  @Test("every sample of two concatenated real scrapes parses, and the second reuses the first's series")
  func twoScrapes() throws {
    let first = try Self.scrape(at: 1_700_000_000_000)
    let second = try Self.scrape(at: 1_700_000_015_000)
    let run = ParserFeed.run(PrometheusTextParser.self, (first + second).joined(separator: "\n"))
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let samples = run.records.compactMap(ParserFeed.sample)
    let sampleLines = first.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    #expect(samples.count == 2 * sampleLines.count)
    #expect(run.parser.series.count == Set(sampleLines.map(Self.seriesText)).count)
    #expect(samples[..<sampleLines.count].map(\.series) == samples[sampleLines.count...].map(\.series))
    for (sample, line) in zip(samples, sampleLines) {
      let valueText = line.split(separator: " ").dropLast().last.map(String.init) ?? ""
      #expect(sample.value == Double(valueText) || (sample.value.isNaN && valueText == "NaN"), "\(line)")
    }
  }

  @Test("series take the kind their family's TYPE line declares")
  func kindsFollowTypeLines() throws {
    let lines = try Self.scrape(at: 1)
    var declared: [String: MetricSeries.Kind] = [:]
    for line in lines where line.hasPrefix("# TYPE ") {
      let words = line.split(separator: " ")
      declared[String(words[2])] = MetricSeries.Kind(rawValue: String(words[3]))
    }
    let run = ParserFeed.run(PrometheusTextParser.self, lines.joined(separator: "\n"))
    var checked = 0
    for series in run.parser.series {
      if let kind = declared[series.name] {
        #expect(series.kind == kind, "\(series.name)")
      } else {
        let family = ["_bucket", "_sum", "_count"].compactMap { suffix in
          series.name.hasSuffix(suffix) ? declared[String(series.name.dropLast(suffix.count))] : nil
        }
        #expect(family.count == 1 && [.histogram, .summary].contains(family[0]), "\(series.name)")
        #expect(series.kind == family.first, "\(series.name)")
        if series.name.hasSuffix("_bucket") { #expect(series.label("le") != nil, "\(series.name)") }
      }
      checked += 1
    }
    #expect(checked == run.parser.series.count)
    #expect(Set(run.parser.series.map(\.kind)) == [.counter, .gauge, .histogram, .summary])
  }

  @Test("the same file without timestamps is all structure and samples without timestamps")
  func withoutTimestamps() throws {
    let lines = try DatabaseFixtures.lines(Self.allTypes)
    let run = ParserFeed.run(PrometheusTextParser.self, lines.joined(separator: "\n"))
    for (record, line) in zip(run.records, lines) {
      if line.isEmpty || line.hasPrefix("#") {
        #expect(record == .structure, "\(line)")
      } else if case .malformed(let reason) = record {
        #expect(reason.hasPrefix("sample without timestamp"), "\(line)")
      } else {
        Issue.record("\(line) gave \(record)")
      }
    }
    #expect(run.parser.series.isEmpty)
  }

  @Test("promtool dump output is another format: none of its lines is taken for exposition")
  func promtoolDumpsNotRecognised() throws {
    for name in ["dump-test-1.prom", "dump-test-2.prom", "dump-test-3.prom", "dump-openmetrics-test.prom"] {
      for line in try DatabaseFixtures.lines("prometheus/" + name) where !line.isEmpty {
        #expect(!ParserFeed.recognizes(PrometheusTextParser.self, line), "\(name): \(line)")
      }
    }
  }

  /// `name{labels}` of a sample line: everything before the value, whose label values may hold spaces.
  private static func seriesText(_ line: String) -> String {
    let withoutTimestamp = line[..<(line.lastIndex(of: " ") ?? line.endIndex)]
    return String(withoutTimestamp[..<(withoutTimestamp.lastIndex(of: " ") ?? withoutTimestamp.endIndex)])
  }
}

/// The shared fixture folder: `POSTMORTEM_FIXTURES`, else `../shared/fixtures` beside the package root.
enum DatabaseFixtures {
  static let directory: String? = {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path =
      ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"]
      ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()

  static func bytes(_ relative: String) throws -> [UInt8] {
    let directory = try #require(directory)
    return Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + relative)))
  }

  /// The file's lines without their newlines (no empty last line for a file that ends with one).
  static func lines(_ relative: String) throws -> [String] {
    var lines = String(decoding: try bytes(relative), as: UTF8.self).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
