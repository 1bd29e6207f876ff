import Ingest
import Testing

@testable import Formats

@Suite("promtool tsdb dump and VictoriaMetrics export")
struct MetricDumpParserTests {
  typealias H = LogLineHarness

  private func read(_ text: String, name: String) throws -> (SourceReader, [MetricSample]) {
    let path = try H.temporaryFile(text, name: name)
    var reader = SourceReader(source: Source(path: path))
    var samples: [MetricSample] = []
    try reader.read { record, _ in
      if case .sample(let sample) = record { samples.append(sample) }
    }
    return (reader, samples)
  }

  @Test("promtool's own expected dump: series by __name__ and labels, values, millisecond times")
  func promtool() throws {
    let text = """
      {__name__="heavy_metric", foo="bar"} 5 0
      {__name__="heavy_metric", foo="bar"} 4 60000
      {__name__="metric", baz="abc", foo="bar"} 1 0
      {__name__="http_requests_total", code="500"} 1.5e+06 1795748651000

      """
    let (reader, samples) = try read(text, name: "dump.txt")
    #expect(reader.stats.format == .promtoolDump)
    #expect(reader.stats.skipped == 0)
    #expect(reader.series.map(\.name) == ["heavy_metric", "metric", "http_requests_total"])
    #expect(reader.series[1].labels.map(\.name) == ["baz", "foo"])
    #expect(reader.series[2].kind == .counter && reader.series[0].kind == .gauge)
    #expect(samples.map(\.series) == [0, 0, 1, 2])
    #expect(samples.map(\.value) == [5, 4, 1, 1_500_000])
    #expect(samples.map(\.time.milliseconds) == [0, 60_000, 0, 1_795_748_651_000])
  }

  @Test("promtool: a line without __name__ or with a non-number is reported with its reason")
  func promtoolBad() {
    let records = H.records(
      PromtoolDumpParser.self,
      [#"{foo="bar"} 5 0"#, #"{__name__="a"} five 0"#, #"{__name__="a"} 5 yesterday"#, #"{__name__="a"} 5"#])
    #expect(records.allSatisfy(H.isMalformed))
  }

  @Test("VictoriaMetrics export: each line's values at their timestamps, series interned across lines")
  func victoriaMetrics() throws {
    let text = """
      {"metric":{"__name__":"up","job":"node_exporter","instance":"localhost:9100"},"values":[0,0,1],"timestamps":[1549891472010,1549891487724,1549891503438]}
      {"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},"values":[1,1,1],"timestamps":[1549891461511,1549891476511,1549891491511]}
      {"metric":{"__name__":"up","job":"node_exporter","instance":"localhost:9100"},"values":[1],"timestamps":[1549891518000]}

      """
    let (reader, samples) = try read(text, name: "export.jsonl")
    #expect(reader.stats.format == .victoriaMetricsExport)
    #expect(reader.stats.skipped == 0)
    #expect(reader.series.count == 2)
    #expect(reader.series[0].label("job") == "node_exporter")
    #expect(samples.count == 7)
    #expect(samples.filter { $0.series == 0 }.map(\.value) == [0, 0, 1, 1])
    #expect(samples.first?.time.milliseconds == 1_549_891_472_010)
  }

  @Test("VictoriaMetrics export: arrays of different lengths are reported, not paired wrongly")
  func victoriaMetricsBad() {
    let line = #"{"metric":{"__name__":"up"},"values":[1,2],"timestamps":[1549891461511]}"#
    #expect(H.isMalformed(H.record(VictoriaMetricsExportParser.self, line)))
  }

  @Test(
    "promtool's own dump fixtures, both formats, are read sample for sample",
    .enabled(if: DatabaseFixtures.directory != nil),
    arguments: [
      "dump-test-1.prom", "dump-test-2.prom", "dump-test-3.prom", "dump-openmetrics-test.prom",
      "dump-openmetrics-roundtrip-test.prom",
    ])
  func promtoolFixtures(name: String) throws {
    let path = try #require(DatabaseFixtures.directory) + "/prometheus/" + name
    var reader = SourceReader(source: Source(path: path))
    var samples: [MetricSample] = []
    try reader.read { record, _ in
      if case .sample(let sample) = record { samples.append(sample) }
    }
    let lines = try DatabaseFixtures.lines("prometheus/" + name).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    #expect(reader.stats.format == .promtoolDump)
    #expect(reader.stats.skipped == 0)
    #expect(samples.count == lines.count)
    if name.contains("openmetrics") {
      #expect(
        samples.contains { $0.time.milliseconds == 1_700_226_034_330 }
          || samples.contains { $0.time.milliseconds == 60_000 })
    }
  }
}
