import Ingest
import Testing

@testable import Formats

@Suite("Grafana panel CSV exports")
struct GrafanaCSVParserTests {
  typealias H = LogLineHarness

  private func read(_ text: String, utcOffsetSeconds: Int = 0) throws -> (SourceReader, [MetricSample]) {
    let path = try H.temporaryFile(text, name: "panel.csv")
    var reader = SourceReader(
      source: Source(path: path), options: ReadOptions(utcOffsetSeconds: utcOffsetSeconds))
    var samples: [MetricSample] = []
    try reader.read { record, _ in
      if case .sample(let sample) = record { samples.append(sample) }
    }
    return (reader, samples)
  }

  @Test("7.x+ series joined by time: CRLF, quoted label headers, empty cells as gaps, formatted local times")
  func joined() throws {
    let text =
      "\"Time\",\"{destination_workload=\"\"shipping\"\"}\",\"{destination_workload=\"\"ratings\"\"}\"\r\n"
      + "2026-11-27 04:04:10,1.20 s,340 ms\r\n" + "2026-11-27 04:04:20,,0.5 s\r\n"
    let (reader, samples) = try read(text, utcOffsetSeconds: 3600)
    #expect(reader.stats.format == .grafanaCSV)
    #expect(reader.stats.skipped == 0)
    #expect(reader.stats.assumedZone)
    #expect(
      reader.series.map(\.name) == ["{destination_workload=shipping}", "{destination_workload=ratings}"])
    #expect(reader.series[0].label("destination_workload") == "shipping")
    #expect(samples.map(\.series) == [0, 1, 1])
    #expect(samples.map(\.value) == [1.2, 0.34, 0.5])
    #expect(samples.map(\.time.milliseconds) == [1_795_748_650_000, 1_795_748_650_000, 1_795_748_660_000])
  }

  @Test("≤ 6.x series as columns and as rows: semicolons, epoch times, literal null")
  func legacy() throws {
    let columns = "\"Time\";\"series_1\";\"series_2\"\r\n\"1500026100\";1;11\r\n\"1500026400\";null;null\r\n"
    let (byColumns, columnSamples) = try read(columns)
    #expect(byColumns.series.map(\.name) == ["series_1", "series_2"])
    #expect(columnSamples.map(\.value) == [1, 11])
    #expect(columnSamples.first?.time.milliseconds == 1_500_026_100_000)
    let rows =
      "\"Series\";\"Time\";\"Value\"\r\n\"series_1\";\"1500026100\";1\r\n\"series_1\";\"1500026300\";null\r\n"
      + "\"series_2\";\"1500026100000\";12%\r\n"
    let (byRows, rowSamples) = try read(rows)
    #expect(byRows.stats.skipped == 0)
    #expect(byRows.series.map(\.name) == ["series_1", "series_2"])
    #expect(rowSamples.map(\.value) == [1, 0.12])
    #expect(rowSamples.map(\.time.milliseconds) == [1_500_026_100_000, 1_500_026_100_000])
  }

  @Test(
    "a frame per series, apart by blank lines, after Excel's sep= line; a metric name keeps its counter kind")
  func frames() throws {
    let text =
      "sep=,\r\n\"Time\",\"istio_requests_total{code=\"\"500\"\"}\"\r\n1795748650000,10\r\n\r\n"
      + "\"Time\",\"mysql_global_status_threads_connected\"\r\n1795748650000,151\r\n"
    let (reader, samples) = try read(text)
    #expect(reader.stats.skipped == 0)
    #expect(reader.series.map(\.name) == ["istio_requests_total", "mysql_global_status_threads_connected"])
    #expect(reader.series[0].kind == .counter)
    #expect(samples.map(\.value) == [10, 151])
  }

  @Test("a value in a unit nothing converts, a short row and a bad time are reported with their reasons")
  func bad() {
    let records = H.records(
      GrafanaCSVParser.self,
      [#""Time","a""#, "2026-11-27 03:04:10,3 furlongs", "2026-11-27 03:04:10", "yesterday,1"])
    #expect(records[0] == .structure)
    #expect(records[1...].allSatisfy(H.isMalformed))
  }
}
