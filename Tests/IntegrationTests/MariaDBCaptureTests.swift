import Formats
import Foundation
import Ingest
import Signals
import Testing

/// Postmortem against what a real MariaDB server and its real client print: the server is started on loopback
/// for the test and stopped at its end, also when an expectation fails.
@Suite(
  "Captures from a real MariaDB server",
  .enabled(
    if: MariaDBServer.isInstalled,
    "mariadb-server and mariadb-client are not installed (scripts/setup installs them)"),
  .timeLimit(.minutes(2)))
struct MariaDBCaptureTests {
  static let idle = (user: "shipping", count: 7)
  static let busy = (user: "ratings", count: 3)

  @Test(
    "idle and busy connections are counted by user and command in table, \\G and -B captures; max_connections is read"
  )
  func processlistForms() throws {
    let server = try MariaDBServer()
    defer { server.stop() }
    for user in [Self.idle.user, Self.busy.user] {
      try server.sql("CREATE USER '\(user)'@'%' IDENTIFIED BY 'secret'; GRANT USAGE ON *.* TO '\(user)'@'%';")
    }
    for _ in 0..<Self.idle.count {
      try server.openIdleConnection(user: Self.idle.user, password: "secret")
    }
    for _ in 0..<Self.busy.count {
      try server.openBusyConnection(user: Self.busy.user, password: "secret", statement: "SELECT SLEEP(60)")
    }
    try waitForConnections(server, count: Self.idle.count + Self.busy.count)
    try waitForBusyTime(server)

    let captures = try Captures(server: server)
    for (form, path) in captures.processlists {
      let snapshots = try Self.snapshots(in: path)
      guard let last = snapshots.last else {
        Issue.record("\(form): no snapshot read from \(path)")
        continue
      }
      let idle = last.rows.filter { $0.user == Self.idle.user && $0.command == "Sleep" }.count
      let busy = last.rows.filter { $0.user == Self.busy.user && $0.command == "Query" }.count
      #expect(idle == Self.idle.count, "\(form)")
      #expect(busy == Self.busy.count, "\(form)")
    }
    let variables = try Self.samples(in: captures.variables)
    #expect(variables["mysql_global_variables_max_connections"] == 151)
    let status = try Self.samples(in: captures.extendedStatus)
    #expect(status["mysql_global_status_threads_connected"] ?? 0 >= Double(Self.idle.count + Self.busy.count))

    // The whole capture folder through the extraction: the signals and evidence the report uses.
    let extraction = SignalExtractor.extract(paths: [captures.directory], options: ExtractionOptions())
    func last(_ kind: SignalKind, _ subject: String? = nil) -> Double? {
      extraction.signals.first { $0.key.kind == kind && $0.key.subject == subject }?.values.last { !$0.isNaN }
    }
    #expect(last(.dbConnections, Self.idle.user) == Double(Self.idle.count))
    #expect(last(.dbConnections, Self.busy.user) == Double(Self.busy.count))
    #expect(last(.dbSleeping, Self.idle.user) == Double(Self.idle.count))
    #expect(last(.dbConnectionsByHost, "localhost") ?? 0 >= Double(Self.idle.count + Self.busy.count))
    let total = try #require(last(.dbConnections))
    #expect(last(.dbHeadroom) == 151 - total)
    let busy = extraction.longRunningQueries.prefix(Self.busy.count)
    #expect(busy.count == Self.busy.count)
    #expect(busy.allSatisfy { $0.user == Self.busy.user && $0.info == "SELECT SLEEP(60)" && $0.seconds >= 1 })
    #expect(Set(busy.map(\.id)).count == Self.busy.count)
  }

  /// Polls the processlist until the clients' connections are all there.
  private func waitForConnections(_ server: MariaDBServer, count: Int) throws {
    for _ in 0..<100 {
      let users = try server.sql(
        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER IN ('shipping', 'ratings')",
        options: ["-N", "-B"])
      if Int(users.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= count { return }
      usleep(100_000)
    }
    Issue.record("the \(count) client connections did not all show up")
  }

  /// Polls until the busy statements have run a second, so they outrank the capturing client's own.
  private func waitForBusyTime(_ server: MariaDBServer) throws {
    for _ in 0..<50 {
      let seconds = try server.sql(
        "SELECT MIN(TIME) FROM information_schema.PROCESSLIST WHERE USER = '\(Self.busy.user)'",
        options: ["-N", "-B"])
      if Int(seconds.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 1 { return }
      usleep(100_000)
    }
    Issue.record("the busy statements did not reach one second")
  }

  private static func snapshots(in path: String) throws -> [ProcesslistSnapshot] {
    var reader = SourceReader(source: Source(path: path))
    var snapshots: [ProcesslistSnapshot] = []
    try reader.read { record, _ in
      if case .snapshot(let snapshot) = record { snapshots.append(snapshot) }
    }
    return snapshots
  }

  /// The last value of each series in a capture, by series name.
  private static func samples(in path: String) throws -> [String: Double] {
    var reader = SourceReader(source: Source(path: path))
    var values: [Int: Double] = [:]
    try reader.read { record, _ in
      if case .sample(let sample) = record { values[sample.series] = sample.value }
    }
    var named: [String: Double] = [:]
    for (id, value) in values { named[reader.series[id].name] = value }
    return named
  }
}

/// The server's state captured as an SRE captures it, each file opened by a pt-stalk style `TS` line.
private struct Captures {
  let directory: String
  let processlists: [(form: String, path: String)]
  let extendedStatus: String
  let variables: String

  init(server: MariaDBServer) throws {
    let directory = server.directory + "/captures"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let stamp = Self.stamp(Date())
    func save(_ name: String, _ text: String) throws -> String {
      let path = directory + "/" + name
      try (stamp + text).write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    self.directory = directory
    processlists = [
      ("table", try save("processlist-table.txt", server.sql("SHOW FULL PROCESSLIST", options: ["-t"]))),
      ("\\G", try save("processlist-vertical.txt", server.sql("SHOW FULL PROCESSLIST\\G"))),
      ("-B", try save("processlist-batch.txt", server.sql("SHOW FULL PROCESSLIST", options: ["-B"]))),
      (
        "information_schema",
        try save(
          "processlist-information-schema.txt",
          server.sql("SELECT * FROM information_schema.PROCESSLIST", options: ["-t"]))
      ),
    ]
    extendedStatus = try save("mysqladmin-extended-status.txt", server.admin(["extended-status"]))
    variables = try save("variables.txt", server.sql("SHOW GLOBAL VARIABLES", options: ["-t"]))
  }

  /// pt-stalk's separator line: `TS <epoch>.<nanoseconds> <UTC date> <time>`.
  private static func stamp(_ now: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return "TS \(Int(now.timeIntervalSince1970)).000000000 \(formatter.string(from: now))\n"
  }
}
