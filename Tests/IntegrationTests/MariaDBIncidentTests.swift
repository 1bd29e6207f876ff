import Formats
import Foundation
import Ingest
import Testing

@testable import Signals

/// Database incidents staged on a real MariaDB server and read back as an SRE would capture them: a lock held
/// by one session while another waits (InnoDB status and the lock-wait query during it), the errors the real
/// client prints (1205, 2013, 1040), a restart (Uptime reset, error-log lines), and a slow log checked against
/// pt-query-digest.
@Suite(
  "Database incidents on a real MariaDB server",
  .enabled(
    if: MariaDBServer.isInstalled,
    "mariadb-server and mariadb-client are not installed (scripts/setup installs them)"),
  .timeLimit(.minutes(2)))
struct MariaDBIncidentTests {
  static let ptQueryDigest = "/usr/bin/pt-query-digest"

  /// pt-stalk's lock-wait query (`lib/bash/collect.sh`, the second of `lock_waits`).
  static let lockWaitQuery = """
    SELECT r.trx_id AS waiting_trx_id, r.trx_mysql_thread_id AS waiting_thread,
      TIMESTAMPDIFF(SECOND, r.trx_wait_started, CURRENT_TIMESTAMP) AS wait_time, r.trx_query AS waiting_query,
      b.trx_id AS blocking_trx_id, b.trx_mysql_thread_id AS blocking_thread,
      SUBSTRING(p.host, 1, INSTR(p.host, ':') - 1) AS blocking_host, IF(p.command = "Sleep", p.time, 0) AS idle_in_trx,
      b.trx_query AS blocking_query
    FROM INFORMATION_SCHEMA.INNODB_LOCK_WAITS AS w
    INNER JOIN INFORMATION_SCHEMA.INNODB_TRX AS b ON b.trx_id = w.blocking_trx_id
    INNER JOIN INFORMATION_SCHEMA.INNODB_TRX AS r ON r.trx_id = w.requesting_trx_id
    LEFT JOIN INFORMATION_SCHEMA.PROCESSLIST AS p ON p.id = b.trx_mysql_thread_id\\G
    """

  private static func prepare(_ server: MariaDBServer) throws {
    try server.sql(
      """
      CREATE DATABASE shop; CREATE TABLE shop.cities (id INT PRIMARY KEY, name VARCHAR(20)) ENGINE=InnoDB;
      INSERT INTO shop.cities VALUES (1, 'Berlin'), (2, 'Paris'), (3, 'Rome');
      CREATE USER 'report'@'%' IDENTIFIED BY 'secret'; GRANT ALL ON shop.* TO 'report'@'%';
      CREATE USER 'shipping'@'%' IDENTIFIED BY 'secret'; GRANT ALL ON shop.* TO 'shipping'@'%';
      """)
  }

  @Test(
    "a lock wait: the blocker's transaction and the waiter in InnoDB status, the lock-wait rows, 1205 and 2013"
  )
  func lockWait() throws {
    let server = try MariaDBServer()
    defer { server.stop() }
    try Self.prepare(server)
    let captures = server.directory + "/captures"
    try FileManager.default.createDirectory(atPath: captures, withIntermediateDirectories: true)

    let blocker = try Spawned(
      server, user: "report", "BEGIN; SELECT * FROM shop.cities WHERE id = 1 FOR UPDATE; SELECT SLEEP(20);")
    let blockerID = try waitForThread(server, user: "report", info: "SLEEP")
    let waiter = try Spawned(
      server, user: "shipping",
      "SET SESSION innodb_lock_wait_timeout = 4; UPDATE shop.cities SET name = 'x' WHERE id = 1;")
    let waiterID = try waitForThread(server, user: "shipping", info: "UPDATE")
    usleep(1_200_000)
    try save(captures + "/innodb-status.txt", server.sql("SHOW ENGINE INNODB STATUS\\G"))
    try save(captures + "/lock-waits.txt", server.sql(Self.lockWaitQuery))

    let timeout = waiter.finish()
    #expect(timeout.contains("ERROR 1205 (HY000)"), "\(timeout)")
    #expect(DatabaseErrorVocabulary.event(in: timeout)?.event == .lockWaitTimeout, "\(timeout)")
    try server.sql("KILL \(blockerID)")
    let lost = blocker.finish()
    #expect(lost.contains("ERROR 2013 (HY000)"), "\(lost)")
    #expect(DatabaseErrorVocabulary.event(in: lost)?.event == .connectionLost, "\(lost)")

    var statuses: [InnoDBStatus] = []
    var waits: [LockWaitSnapshot] = []
    for file in ["innodb-status.txt", "lock-waits.txt"] {
      var reader = SourceReader(source: Source(path: captures + "/" + file))
      try reader.read { record, _ in
        if case .database(.innodbStatus(let status)) = record { statuses.append(status) }
        if case .database(.lockWaits(let snapshot)) = record { waits.append(snapshot) }
      }
    }
    let status = try #require(statuses.first)
    let holder = try #require(status.transactions.first { $0.threadID == blockerID })
    #expect(holder.user == "report" && holder.activeSeconds >= 1 && holder.rowLocks >= 1)
    #expect(holder.lockWaitSeconds == nil)
    let waiting = try #require(status.transactions.first { $0.threadID == waiterID })
    #expect(waiting.user == "shipping" && waiting.lockWaitSeconds != nil)
    #expect(waiting.statement?.contains("UPDATE shop.cities SET name = 'x' WHERE id = 1") == true)
    let wait = try #require(waits.first?.waits.first)
    #expect(wait.blockingThread == blockerID && wait.waitingThread == waiterID)
    #expect(wait.waitingQuery?.contains("UPDATE shop.cities") == true)

    // Through the extraction: the blocker is the longest open transaction, cited with its thread and user.
    let extraction = SignalExtractor.extract(paths: [captures], options: ExtractionOptions())
    let longest = try #require(extraction.innodb.longTransactions.first)
    #expect(longest.transaction.threadID == blockerID && longest.transaction.user == "report")
    #expect(extraction.innodb.lockWaits.first?.wait.blockingThread == blockerID)
    #expect(extraction.signals.contains { $0.key.kind == .dbTransactionAge && $0.client == "report" })
  }

  @Test("a full server refuses with 1040; a restart resets Uptime and its error log says so")
  func refusalAndRestart() throws {
    let started = Int64(Date().timeIntervalSince1970 * 1000)
    let server = try MariaDBServer()
    defer { server.stop() }
    try Self.prepare(server)
    let captures = server.directory + "/captures"
    try FileManager.default.createDirectory(atPath: captures, withIntermediateDirectories: true)

    // MariaDB's smallest max_connections is 10. Idle clients are added one at a time until the server refuses
    // the next: how many fit depends on the server's own accounting, which this does not presume.
    // The status before the restart is taken while the server has room: a full one refuses the dump too.
    // Uptime is at least 3 s by then, so the restart's fresh Uptime is a reset, not a tie.
    usleep(3_000_000)
    try save(captures + "/status-before.txt", server.sql("SHOW GLOBAL STATUS", options: ["-t"]))
    try server.sql("SET GLOBAL max_connections = 10")
    var refused = (status: Int32(0), errors: "")
    var held = 0
    for _ in 0..<40 {
      refused = try server.client(user: "shipping", password: "secret", "SELECT 1")
      if refused.status != 0 { break }
      try server.openIdleConnection(user: "shipping", password: "secret")
      // A loaded machine starts a client slowly: wait for it to show, up to 10 s, before adding the next.
      for _ in 0..<200 {
        let count = try server.sql(
          "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'shipping'",
          options: ["-N", "-B"])
        if let shown = Int(count.trimmingCharacters(in: .whitespacesAndNewlines)), shown > held {
          held = shown
          break
        }
        usleep(50_000)
      }
    }
    #expect(refused.errors.contains("ERROR 1040"), "\(refused.errors)")
    #expect(DatabaseErrorVocabulary.event(in: refused.errors)?.event == .refused, "\(refused.errors)")

    try server.restart()
    usleep(1_100_000)
    try save(captures + "/status-after.txt", server.sql("SHOW GLOBAL STATUS", options: ["-t"]))
    let errorLog = try String(contentsOfFile: server.directory + "/error.log", encoding: .utf8)
    try errorLog.write(toFile: captures + "/mysql-error.log", atomically: true, encoding: .utf8)

    // The window spans the whole test: the dumps are instants, the error log ends at the restart.
    let window = ExtractionOptions(
      resolutionSeconds: 1, from: started - 60_000, to: Int64(Date().timeIntervalSince1970 * 1000) + 60_000)
    let extraction = SignalExtractor.extract(paths: [captures], options: window)
    let reset = extraction.signals.first {
      $0.key.kind == .changes && $0.key.source?.hasPrefix("uptime reset") == true
    }
    #expect(reset?.key.component == "mysql")
    #expect(reset?.values.contains { $0 > 0 } == true)
    let logged = try #require(
      extraction.signals.first { $0.key.kind == .changes && $0.key.source == "server log" }, "\(errorLog)")
    #expect(logged.values.reduce(0) { $0 + ($1.isNaN ? 0 : $1) } > 0)
    #expect(logged.examples.contains { RestartVocabulary.event(in: $0.text) != nil })
  }

  @Test(
    "a slow log's classes, counts and total times are pt-query-digest's",
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: MariaDBIncidentTests.ptQueryDigest),
      "percona-toolkit (pt-query-digest) is not installed; scripts/setup installs it when the mirror has it"))
  func slowLogMatchesTheDigest() throws {
    let server = try MariaDBServer()
    defer { server.stop() }
    try Self.prepare(server)
    let slowLog = server.directory + "/slow.log"
    try server.sql(
      "SET GLOBAL log_output = 'FILE'; SET GLOBAL slow_query_log_file = '\(slowLog)'; "
        + "SET GLOBAL long_query_time = 0; SET GLOBAL slow_query_log = 1;")
    let statements = [
      "SELECT name FROM shop.cities WHERE id = 1", "SELECT name FROM shop.cities WHERE id = 2",
      "SELECT name FROM shop.cities WHERE id IN (1, 2, 3)", "SELECT name FROM shop.cities WHERE id IN (3)",
      "SELECT SLEEP(0.2)", "SELECT SLEEP(0.1)", "UPDATE shop.cities SET name = 'Roma' WHERE id = 3",
      "SELECT COUNT(*)\n  FROM shop.cities\n WHERE name LIKE 'R%'",
    ]
    for user in ["report", "shipping"] {
      _ = try server.client(user: user, password: "secret", statements.joined(separator: ";\n") + ";")
    }
    try server.sql("SET GLOBAL slow_query_log = 0")

    var ours: [String: (count: Int, seconds: Double)] = [:]
    var names: [UInt64: String] = [:]
    var reader = SourceReader(source: Source(path: slowLog))
    try reader.read { record, _ in
      guard case .database(.slowQuery(let query)) = record else { return }
      if let sight = query.firstSight { names[query.fingerprint] = sight.fingerprint }
      let name = names[query.fingerprint] ?? ""
      ours[name, default: (0, 0)].count += 1
      ours[name, default: (0, 0)].seconds += query.queryTime
    }
    #expect(reader.stats.format == .mysqlSlowLog && reader.stats.skipped == 0)

    let digest = Process()
    digest.executableURL = URL(fileURLWithPath: Self.ptQueryDigest)
    digest.arguments = ["--output", "json", "--limit", "100%", slowLog]
    let output = Pipe()
    digest.standardOutput = output
    digest.standardError = FileHandle.nullDevice
    try digest.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    digest.waitUntilExit()
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let classes = try #require(json["classes"] as? [[String: Any]])
    var theirs: [String: (count: Int, seconds: Double)] = [:]
    for entry in classes {
      let fingerprint = try #require(entry["fingerprint"] as? String)
      let metrics = try #require(entry["metrics"] as? [String: Any])
      let time = try #require(metrics["Query_time"] as? [String: Any])
      let sum = Double("\(time["sum"] ?? "")") ?? .nan
      theirs[fingerprint] = ((entry["query_count"] as? Int) ?? -1, sum)
    }
    // Five shapes: the lookup by id, the IN list, SLEEP, the UPDATE and the multi-line COUNT.
    #expect(ours.count == 5)
    #expect(Set(ours.keys) == Set(theirs.keys))
    for (fingerprint, mine) in ours {
      #expect(theirs[fingerprint]?.count == mine.count, "\(fingerprint)")
      #expect(abs((theirs[fingerprint]?.seconds ?? .nan) - mine.seconds) < 1e-5, "\(fingerprint)")
    }
  }

  // MARK: Helpers

  /// Polls the processlist until `user` runs a statement containing `info`; returns its connection id.
  private func waitForThread(_ server: MariaDBServer, user: String, info: String) throws -> Int64 {
    for _ in 0..<100 {
      let id = try server.sql(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '\(user)' AND INFO LIKE '%\(info)%'",
        options: ["-N", "-B"]
      ).trimmingCharacters(in: .whitespacesAndNewlines)
      if let id = Int64(id) { return id }
      usleep(50_000)
    }
    throw MariaDBServer.Failure(description: "\(user) never ran \(info)")
  }

  /// Saves a capture opened by a pt-stalk style `TS` line.
  private func save(_ path: String, _ text: String) throws {
    let now = Date().timeIntervalSince1970
    try ("TS \(Int(now)).000000000 capture\n" + text).write(toFile: path, atomically: true, encoding: .utf8)
  }
}

/// A `mariadb` client running a statement in the background, whose standard error is read when it ends.
private final class Spawned {
  private let process = Process()
  private let errors = Pipe()

  init(_ server: MariaDBServer, user: String, _ statement: String) throws {
    process.executableURL = URL(fileURLWithPath: MariaDBServer.client)
    process.arguments = [
      "--no-defaults", "-h127.0.0.1", "-P\(server.port)", "-u\(user)", "-psecret", "-e", statement,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
  }

  /// Waits for the client to end; what it printed on standard error.
  func finish() -> String {
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: message, as: UTF8.self)
  }

  deinit {
    if process.isRunning { process.terminate() }
  }
}
