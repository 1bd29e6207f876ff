import Ingest
import Testing

@testable import Formats

@Suite("AWS CloudWatch JSON")
struct CloudWatchParserTests {
  private func read(_ text: String) throws -> (SourceReader, [MetricSample]) {
    let path = try LogLineHarness.temporaryFile(text, name: "cloudwatch.json")
    var reader = SourceReader(source: Source(path: path))
    var samples: [MetricSample] = []
    try reader.read { record, _ in
      if case .sample(let sample) = record { samples.append(sample) }
    }
    return (reader, samples)
  }

  @Test("get-metric-data: each result a series named as YACE names it, newest-first points placed in time")
  func metricData() throws {
    let text = """
      {
          "MetricDataResults": [
              {
                  "Id": "m1",
                  "Label": "DatabaseConnections",
                  "Timestamps": ["2026-11-27T03:05:00+00:00", "2026-11-27T03:00:00+00:00"],
                  "Values": [151.0, 23.0],
                  "StatusCode": "Complete"
              }
          ],
          "Messages": []
      }
      """
    let (reader, samples) = try read(text)
    #expect(reader.stats.format == .cloudWatch)
    #expect(reader.series.map(\.name) == ["aws_database_connections"])
    #expect(reader.series[0].label("id") == "m1")
    #expect(samples.map(\.value) == [151, 23])
    #expect(samples.map(\.time.milliseconds) == [1_795_748_700_000, 1_795_748_400_000])
  }

  @Test("get-metric-statistics: one series per statistic, extended statistics too")
  func statistics() throws {
    let text = """
      {"Label": "CPUUtilization", "Datapoints": [
        {"Timestamp": "2026-11-27T03:00:00Z", "Average": 12.5, "Maximum": 40.0, "Unit": "Percent"},
        {"Timestamp": "2026-11-27T03:05:00Z", "Average": 80.0, "Maximum": 99.0, "Unit": "Percent",
         "ExtendedStatistics": {"p99": 98.0}}
      ]}
      """
    let (reader, samples) = try read(text)
    #expect(
      reader.series.map(\.name) == [
        "aws_cpu_utilization_average", "aws_cpu_utilization_maximum", "aws_cpu_utilization_p99",
      ])
    #expect(samples.count == 5)
  }

  @Test("mismatched arrays and bad times are reported naming the result")
  func malformed() throws {
    let text =
      #"{"MetricDataResults":[{"Id":"m1","Label":"X","Timestamps":["2026-11-27T03:00:00Z"],"Values":[1,2]}]}"#
    let path = try LogLineHarness.temporaryFile(text, name: "bad.json")
    var reader = SourceReader(source: Source(path: path))
    #expect(throws: FormatError.self) { try reader.read { _, _ in } }
    #expect(CloudWatchParser.snakeCased("CPUUtilization") == "cpu_utilization")
    #expect(CloudWatchParser.snakeCased("DatabaseConnections") == "database_connections")
    #expect(CloudWatchParser.snakeCased("p99.9") == "p99_9")
  }
}
