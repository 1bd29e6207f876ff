import Foundation
import Testing

@testable import Formats
@testable import Signals

/// The database's own diagnostics through the whole extraction: slow log, InnoDB reports, lock-wait rows and a
/// client's 1205 lines become signals by user and fingerprint, typed events, and cited evidence.
@Suite("Database diagnostics as signals")
struct DatabaseSignalsTests {
  static let start = 1_795_918_500  // 2026-11-29T02:15:00Z

  static func directory(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "db-signals-\(UUID().uuidString)")
    for (name, text) in files {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return directory
  }

  /// A slow log where `report` runs one long scan every 10 s from 02:16 and `shipping` short lookups throughout.
  static func slowLog() -> String {
    var lines: [String] = []
    for second in stride(from: 0, to: 240, by: 2) {
      let time = start + second
      lines += [
        "# Time: \(Timestamp(milliseconds: Int64(time) * 1000).rfc3339)",
        "# User@Host: shipping[shipping] @ shipping-1 [10.0.3.7]  Id: 3",
        "# Query_time: 0.100000  Lock_time: 0.000000 Rows_sent: 1  Rows_examined: 10",
        "SET timestamp=\(time);", "SELECT name FROM cities WHERE code = \(second);",
      ]
      if second >= 60, second % 10 == 0 {
        lines += [
          "# Time: \(Timestamp(milliseconds: Int64(time) * 1000).rfc3339)",
          "# User@Host: report[report] @ report-1 [10.0.9.1]  Id: 10",
          "# Query_time: 9.000000  Lock_time: 0.000000 Rows_sent: 1  Rows_examined: 500000",
          "SET timestamp=\(time);", "SELECT COUNT(*) FROM orders",
          "  WHERE created > '2026-01-0\(second % 9 + 1)';",
        ]
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func innodb(at second: Int, blockerAge: Int) -> String {
    """
    TS \(start + second).000000000 2026-11-29 02:1x:xx
    ------------
    TRANSACTIONS
    ------------
    History list length \(100 + blockerAge)
    ---TRANSACTION 1236, ACTIVE \(blockerAge) sec
    2 lock struct(s), heap size 1136, 1 row lock(s), undo log entries 1
    MySQL thread id 10, OS thread handle 1401, query id 60 report-1 10.0.9.1 report
    ---TRANSACTION 1237, ACTIVE 15 sec starting index read
    LOCK WAIT 2 lock struct(s), heap size 1136, 1 row lock(s)
    MySQL thread id 11, OS thread handle 1404, query id 70 10.0.3.8 shipping updating
    UPDATE cities SET name = 'x' WHERE id = 1
    ------- TRX HAS BEEN WAITING 15 SEC FOR THIS LOCK TO BE GRANTED:
    --------
    FILE I/O
    --------
    """
  }

  static let lockWaits = """
    *************************** 1. row ***************************
       waiting_trx_id: 1237
       waiting_thread: 11
            wait_time: 15
        waiting_query: UPDATE cities SET name = 'x' WHERE id = 1
      blocking_trx_id: 1236
      blocking_thread: 10
        blocking_host: 10.0.9.1
          idle_in_trx: 1200
       blocking_query: NULL
    """

  static func clientLog() -> String {
    (0..<240).map { second -> String in
      let time = Timestamp(milliseconds: Int64(start + second) * 1000).rfc3339.dropLast()
      let clock = time.replacingOccurrences(of: "T", with: " ")
      if second >= 120, second % 5 == 0 {
        return
          "\(clock).000 ERROR 1 --- [exec-\(second % 7)] o.h.e.j.s.SqlExceptionHelper : Lock wait timeout "
          + "exceeded; try restarting transaction"
      }
      return "\(clock).000  INFO 1 --- [exec-1] c.i.r.s.Controller : shipping \(second)"
    }.joined(separator: "\n") + "\n"
  }

  @Test("slow-log work by user and by fingerprint, with the top class cited and its user as client")
  func slowLogSignals() throws {
    let directory = try Self.directory(["db/slow.log": Self.slowLog()])
    defer { try? FileManager.default.removeItem(at: directory) }
    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    let top = try #require(extraction.queryClasses.first)
    #expect(top.fingerprint == "select count(*) from orders where created > ?")
    #expect(top.count == 18 && abs(top.totalSeconds - 162) < 1e-9)
    #expect(top.users.first?.user == "report")
    #expect(abs(top.p90Seconds - 9) / 9 < 0.1)
    #expect(top.example == "SELECT COUNT(*) FROM orders WHERE created > '2026-01-07'")
    let time = try #require(
      extraction.signals.first { $0.key.kind == .dbQueryTime && $0.key.subject == "report" })
    #expect(time.client == "report" && time.key.component == "mysql")
    // Before 02:16 report ran nothing; after, 9 s of statement per 10 s.
    let before = time.values.prefix(5).filter { !$0.isNaN }
    let after = time.values.dropFirst(8).prefix(10).filter { !$0.isNaN }
    #expect(!before.isEmpty && before.allSatisfy { $0 == 0 })
    #expect(!after.isEmpty && after.allSatisfy { abs($0 - 0.9) < 1e-9 })
    let byClass = try #require(
      extraction.signals.first { $0.key.kind == .dbSlowQueries && $0.key.subject == top.id })
    #expect(byClass.client == "report" && byClass.examples.first?.line == top.line)
  }

  @Test(
    "an idle blocker's open transaction by user, the waits with their blocker, and the client's 1205 lines")
  func lockSignals() throws {
    var files = [
      "db/lock-waits.txt": "TS \(Self.start + 150).000000000 2026-11-29 02:17:30\n" + Self.lockWaits,
      "logs/shipping/shipping.log": Self.clientLog(),
    ]
    for (index, second) in stride(from: 0, to: 240, by: 30).enumerated() {
      files["db/innodb-\(index).txt"] = Self.innodb(at: second, blockerAge: 1000 + second)
    }
    let directory = try Self.directory(files)
    defer { try? FileManager.default.removeItem(at: directory) }
    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    let age = try #require(
      extraction.signals.first { $0.key.kind == .dbTransactionAge && $0.key.subject == "report" })
    #expect(age.client == "report" && age.stepMilliseconds == 30_000)
    #expect(age.values.compactMap { $0.isNaN ? nil : $0 }.last == 1210)
    let blocker = try #require(extraction.innodb.longTransactions.first)
    #expect(blocker.transaction.threadID == 10 && blocker.transaction.user == "report")
    #expect(blocker.transaction.activeSeconds == 1210 && blocker.transaction.rowLocks == 1)
    let wait = try #require(extraction.innodb.lockWaits.first)
    #expect(
      wait.wait.blockingThread == 10 && wait.wait.waitingThread == 11 && wait.wait.blockerIdleSeconds == 1200)
    let waits = try #require(
      extraction.signals.first { $0.key.kind == .dbRowLockWaits && $0.key.source == "innodb status" })
    #expect(waits.values.filter { !$0.isNaN }.allSatisfy { $0 == 1 })
    let timeouts = try #require(extraction.signals.first { $0.key.kind == .dbLockWaitTimeouts })
    #expect(
      timeouts.key.component == "shipping" && timeouts.client == "shipping" && timeouts.resource == "mysql")
    #expect(timeouts.firstSeenMilliseconds == Int64(Self.start + 120) * 1000)
    #expect(extraction.signals.filter { $0.key.kind == .dbLockWaitTimeouts }.count == 1)
  }
}
