import Analysis
import Formats
import Foundation
import Signals
import Testing

/// A pt-stalk-style bundle without any processlist: the connection signals come from the status counters.
@Suite("MySQL status captures in extraction")
struct MySQLStatusExtractionTests {
  /// `mysqladmin ext -i 10 -c 60` as pt-stalk writes it: connections climb to 151 and stay there, refusals follow.
  private static func mysqladmin() -> String {
    (0..<60).map { index -> String in
      let connected = min(20 + index * 5, 151)
      let refused = max(0, index - 27) * 40
      let rows = [
        ("Aborted_connects", "\(refused)"), ("Connection_errors_max_connections", "\(refused)"),
        ("Max_used_connections", "\(connected)"), ("Max_used_connections_time", "2026-11-27 03:04:30"),
        ("Slave_running", "OFF"), ("Threads_connected", "\(connected)"),
        ("Threads_running", "\(2 + index % 3)"),
        ("Uptime", "\(86_400 + index * 10)"),
      ]
      let border = "+-----------------------------------+---------------------+"
      let lines = rows.map { name, value in
        "| \(name.padding(toLength: 34, withPad: " ", startingAt: 0))| \(value.padding(toLength: 20, withPad: " ", startingAt: 0))|"
      }
      return
        ([border, "| Variable_name                     | Value               |", border] + lines + [
          border, "",
        ])
        .joined(separator: "\n")
    }.joined(separator: "\n")
  }

  @Test("mysqladmin ext and SHOW GLOBAL VARIABLES files give connections, max_connections and refusals")
  func connectionSignals() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.mysqladmin().utf8).write(
      to: directory.appendingPathComponent("2026_11_27_03_00_00-mysqladmin"))
    let variables =
      "\nSHOW GLOBAL VARIABLES\n\nVariable_name\tValue\nmax_connections\t151\nversion\t5.7.44-log\n"
    try Data(variables.utf8).write(to: directory.appendingPathComponent("2026_11_27_03_00_00-variables"))

    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())

    #expect(extraction.sources.allSatisfy { $0.error == nil && $0.stats.skipped == 0 })
    #expect(
      Set(extraction.sources.compactMap(\.stats.format)) == [.mysqlStatusTable, .mysqlStatusBatch])
    #expect(extraction.processlist == nil)
    let connections = try #require(extraction.signals.first { $0.key.kind == .dbConnections })
    #expect(connections.key.component == "mysql")
    #expect(connections.values.filter { !$0.isNaN }.max() == 151)
    #expect(connections.values.first { !$0.isNaN } == 20)
    let limit = try #require(extraction.signals.first { $0.key.kind == .dbMaxConnections })
    #expect(limit.values.contains(151))
    // Without a processlist the headroom is max_connections minus Threads_connected.
    let headroom = try #require(extraction.signals.first { $0.key.kind == .dbHeadroom })
    #expect(headroom.values.filter { !$0.isNaN }.min() == 0)
    let firstHeadroom = try #require(headroom.values.first(where: { !$0.isNaN }))
    #expect(firstHeadroom == 151 - 20)
    let refusals = extraction.signals.filter { $0.key.kind == .dbConnectionErrors }
    #expect(refusals.count == 2)
    #expect(refusals.allSatisfy { $0.values.contains { $0 > 0 } })
    // The capture's ten minutes start at the file name's time (UTC: no --tz given).
    #expect(connections.startMilliseconds <= 1_795_748_400_000)
    #expect(
      connections.startMilliseconds + Int64(connections.values.count) * connections.stepMilliseconds
        >= 1_795_748_990_000)

    let analysis = IncidentAnalyzer.analyze(extraction, title: "status only")
    #expect(analysis.document.rootCause.kind == .connectionExhaustion)
  }
}
