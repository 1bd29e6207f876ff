import Ingest
import Testing

@testable import Formats

@Suite("Grafana data source response JSON")
struct GrafanaQueryParserTests {
  static let response = """
    {"results":{"B":{"status":200,"frames":[{"schema":{"name":"p90","refId":"B","fields":[
      {"name":"Time","type":"time","config":{}},
      {"name":"Value","type":"number","labels":{"destination_workload":"shipping"},"config":{"displayNameFromDS":"shipping p90"}}]},
      "data":{"values":[[1795748650000,1795748660000,1795748670000],[0.9,null,9.3]]}}]},
    "A":{"status":200,"frames":[{"schema":{"refId":"A","fields":[
      {"name":"Time","type":"time"},
      {"name":"Value","type":"number","labels":{"__name__":"mysql_global_status_threads_connected","instance":"db1:9104"}}]},
      "data":{"values":[[1795748650000,1795748660000],[23,151]]}}]}}}
    """

  @Test("each frame's value fields become series at its times; nulls are gaps; queries in refId order")
  func frames() throws {
    let path = try LogLineHarness.temporaryFile(Self.response, name: "panel-data.json")
    var reader = SourceReader(source: Source(path: path))
    var samples: [MetricSample] = []
    try reader.read { record, _ in
      if case .sample(let sample) = record { samples.append(sample) }
    }
    #expect(reader.stats.format == .grafanaQuery)
    #expect(reader.series.map(\.name) == ["mysql_global_status_threads_connected", "p90"])
    #expect(reader.series[0].label("instance") == "db1:9104")
    #expect(reader.series[1].label("destination_workload") == "shipping")
    #expect(samples.map(\.value) == [23, 151, 0.9, 9.3])
    #expect(samples.last?.time.milliseconds == 1_795_748_670_000)
  }

  @Test("a failed query and frames whose columns do not line up are reported")
  func failures() throws {
    let failed = #"{"results":{"A":{"error":"bad_data: parse error","frames":[]}}}"#
    #expect(throws: FormatError.self) {
      _ = try GrafanaQueryParser.parse(
        Array(failed.utf8), context: ParserContext(path: "x", options: ReadOptions()))
    }
    let ragged =
      #"{"results":{"A":{"frames":[{"schema":{"fields":[{"name":"Time","type":"time"},{"name":"v"}]},"data":{"values":[[1,2],[3]]}}]}}}"#
    #expect(throws: FormatError.self) {
      _ = try GrafanaQueryParser.parse(
        Array(ragged.utf8), context: ParserContext(path: "x", options: ReadOptions()))
    }
  }
}
