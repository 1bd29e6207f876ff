import Analysis
import Foundation
import Signals
import Testing

/// Processlist captures through the whole extraction: the breakdowns, idle ages, headroom and long-running
/// statements the report's database evidence rests on.
@Suite("Processlist signals and database evidence")
struct ProcesslistSignalsTests {
  /// 2026-11-27 03:00:00 UTC.
  static let start = 1_795_748_400

  /// `2026-11-27 03:mm:ss`, `seconds` after `start` (within the hour).
  static func stamp(_ seconds: Int) -> String {
    String(format: "2026-11-27 03:%02d:%02d", seconds / 60, seconds % 60)
  }

  /// `mysql -B -e 'SHOW FULL PROCESSLIST'` every 10 s for ten minutes, each behind a pt-stalk `TS` line:
  /// `app` leaks idle connections from two hosts (one more every snapshot), `report` runs one long query.
  static func processlist() -> String {
    (0..<60).map { snapshot -> String in
      let time = start + snapshot * 10
      let stamp = Self.stamp(snapshot * 10)
      var rows = ["Id\tUser\tHost\tdb\tCommand\tTime\tState\tInfo"]
      for leaked in 0..<(5 + snapshot) {
        let host = leaked % 2 == 0 ? "10.0.0.1" : "10.0.0.2"
        // Connection `leaked` was opened at snapshot `leaked - 5` and has idled since.
        let idle = max(0, snapshot - max(0, leaked - 5)) * 10
        rows.append("\(100 + leaked)\tapp\t\(host):\(40_000 + leaked)\tshop\tSleep\t\(idle)\t\t\\N")
      }
      rows.append(
        "7\treport\t10.0.0.9:5000\tshop\tQuery\t\(30 + snapshot * 10)\tSending data\tSELECT *\\n  FROM orders"
      )
      rows.append("1\tsystem user\t\t\\N\tDaemon\t99999\tInnoDB purge worker\t\\N")
      rows.append("9\troot\tlocalhost\t\\N\tQuery\t0\tinit\tSHOW FULL PROCESSLIST")
      return "TS \(time).000000000 \(stamp)\n" + rows.joined(separator: "\n") + "\n"
    }.joined()
  }

  @Test("users, hosts, states, Sleep counts, idle p90, headroom and the long-running statement")
  func breakdowns() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.processlist().utf8).write(
      to: directory.appendingPathComponent("2026_11_27_03_00_00-processlist"))
    let variables = "Variable_name\tValue\nmax_connections\t70\n"
    try Data(variables.utf8).write(to: directory.appendingPathComponent("2026_11_27_03_00_00-variables"))

    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    #expect(extraction.sources.allSatisfy { $0.error == nil && $0.stats.skipped == 0 })
    func last(_ kind: SignalKind, _ subject: String? = nil) throws -> Double {
      let signal = try #require(extraction.signals.first { $0.key.kind == kind && $0.key.subject == subject })
      return try #require(signal.values.last { !$0.isNaN })
    }
    // The last snapshot: 64 idle `app` rows (32 per host), the report query, the purge thread, root.
    #expect(try last(.dbConnections) == 67)
    #expect(try last(.dbConnections, "app") == 64)
    #expect(try last(.dbConnectionsByHost, "10.0.0.1") == 32)
    #expect(try last(.dbConnectionsByHost, "10.0.0.2") == 32)
    #expect(try last(.dbConnectionsByHost, "10.0.0.9") == 1)
    #expect(try last(.dbConnectionsByState, "Sending data") == 1)
    #expect(
      extraction.signals.contains { $0.key.kind == .dbConnectionsByState && $0.key.subject == "" } == false)
    #expect(try last(.dbSleeping, "app") == 64)
    #expect(try last(.dbSleeping, "report") == 0)
    // Idle ages of the last snapshot: 590 s for the first six, then 580, 570, … 0 for the 58 opened later.
    let ages = (0..<64).map { max(0, 59 - max(0, $0 - 5)) * 10 }.sorted()
    #expect(try last(.dbIdleAge, "app") == 590)
    #expect(try last(.dbIdleAgeP90, "app") == Double(ages[Int((Double(ages.count) * 0.9).rounded(.up)) - 1]))
    #expect(try last(.dbHeadroom) == 70 - 67)

    let query = try #require(extraction.longRunningQueries.first)
    #expect(extraction.longRunningQueries.count == 2)  // report's query, then root's; never the purge thread
    #expect(query.id == 7 && query.user == "report" && query.host == "10.0.0.9")
    #expect(query.seconds == 30 + 59 * 10)
    #expect(query.info == "SELECT * FROM orders")
    #expect(query.state == "Sending data")
  }

  /// A PHP service's log: requests every second, `[1040] Too many connections` from 03:05 on.
  static func refusedClientLog() -> String {
    (0..<600).map { second -> String in
      let time = Self.stamp(second)
      var lines = ["[\(time)] app.INFO: GET /rate/\(second % 7) served [] []"]
      if second >= 300 {
        lines.append("[\(time)] app.ERROR: Database error SQLSTATE[HY000] [1040] Too many connections [] []")
      }
      return lines.joined(separator: "\n") + "\n"
    }.joined()
  }

  @Test("clients' 1040 lines alone show the database refusing connections")
  func clientRefusals() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let logs = directory.appendingPathComponent("logs/ratings")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    try Data(Self.refusedClientLog().utf8).write(to: logs.appendingPathComponent("ratings.log"))

    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    let refusals = extraction.signals.filter { $0.key.kind == .dbConnectionErrors }
    let refusal = try #require(refusals.first)
    #expect(refusals.count == 1)
    #expect(refusal.key.component == "mysql" && refusal.key.subject == "client=ratings")
    #expect(refusal.firstSeenMilliseconds == Int64(Self.start + 300) * 1000)
    #expect(refusal.examples.first?.line == 302)

    let document = IncidentAnalyzer.analyze(extraction, title: "refused").document
    #expect(document.rootCause.kind == .connectionExhaustion)
    #expect(document.rootCause.resource == "mysql")
    let link = try #require(document.chain.first { $0.component == "mysql" })
    #expect(link.evidence.contains { $0.line == 302 && $0.text.contains("[1040]") })
  }
}
