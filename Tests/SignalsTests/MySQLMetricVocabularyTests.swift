import Testing

@testable import Formats
@testable import Signals

@Suite("MySQL metric vocabulary")
struct MySQLMetricVocabularyTests {
  /// The example's name and labels as a series (`name{label="value",…} value`).
  static func series(_ example: String) -> MetricSeries {
    let name = String(example.prefix { $0 != "{" && $0 != " " })
    var labels: [MetricSeries.Label] = []
    if let open = example.firstIndex(of: "{"), let close = example.firstIndex(of: "}") {
      for pair in example[example.index(after: open)..<close].split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        labels.append(MetricSeries.Label(name: parts[0], value: parts[1].trimmingCharacters(in: ["\""])))
      }
    }
    return MetricSeries(name: name, labels: labels, kind: .untyped)
  }

  @Test("every row's example series maps to its own row: kind, unit, role, counter and client")
  func examplesMapToTheirOwnRow() {
    for row in MySQLMetricVocabulary.rows {
      let series = Self.series(row.example)
      #expect(MySQLMetricVocabulary.rows.filter { $0.name == series.name }.count == 1, "\(row.name)")
      let meaning = MetricVocabulary.meaning(of: series)
      #expect(series.name == row.name)
      #expect(
        meaning.component == "mysql" && meaning.kind == row.kind && meaning.unit == row.unit, "\(row.name)")
      #expect(meaning.isCounter == row.isCounter && meaning.role == row.role, "\(row.name)")
      #expect(meaning.client == row.clientLabel.flatMap { series.label($0) }, "\(row.name)")
    }
  }

  @Test("a status dump's names meet the exporter's rows: Threads_running, Uptime, row lock waits, Questions")
  func statusNames() {
    for (status, kind) in [
      ("Threads_running", SignalKind.dbThreadsRunning), ("Uptime", .dbUptime),
      ("Innodb_row_lock_current_waits", .dbRowLockWaits), ("Questions", .dbQueries),
      ("Com_select", .dbQueries),
      ("Slow_queries", .dbSlowQueries), ("Innodb_row_lock_time", .dbRowLockTime),
    ] {
      #expect(MetricVocabulary.meaning(of: ExporterNames.status(status)).kind == kind, "\(status)")
    }
  }
}
