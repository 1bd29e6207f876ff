import Testing

@testable import Formats

@Suite("MySQL status and variables, table form (mysqladmin extended-status)")
struct StatusTableParserTests {
  private static let border = "+-----------------------------------+----------------------+"
  private static let header = "| Variable_name                     | Value                |"

  /// A table of `rows` as the client draws it.
  private static func table(_ rows: [(String, String)]) -> [String] {
    let lines = rows.map { name, value in
      "| " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + "| "
        + value.padding(toLength: 21, withPad: " ", startingAt: 0) + "|"
    }
    return [border, header, border] + lines + [border]
  }

  private static func samples(_ run: ParserFeed.Run<StatusTableParser>) -> [(String, Double, Int64)] {
    run.records.compactMap(ParserFeed.sample).map { sample in
      (MetricVocabularyName.of(run.parser.series[sample.series]), sample.value, sample.time.milliseconds)
    }
  }

  @Test("SHOW VARIABLES after a TS line: max_connections is a variable, text values are not samples")
  func showVariables() throws {
    let text =
      (["TS 1764212400.5 2026-11-27 03:00:00", "mysql> SHOW GLOBAL VARIABLES LIKE 'max%';"]
      + Self.table([
        ("max_connections", "151"), ("max_join_size", "18446744073709551615"), ("log_bin", "OFF"),
      ])
      + ["3 rows in set (0.00 sec)"]).joined(separator: "\n")
    let run = ParserFeed.run(StatusTableParser.self, text)
    #expect(run.failure == nil)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let samples = Self.samples(run)
    #expect(
      samples.map(\.0) == ["mysql_global_variables_max_connections", "mysql_global_variables_max_join_size"])
    #expect(samples[0].1 == 151)
    #expect(samples[1].1 == 18_446_744_073_709_551_615)
    #expect(samples.allSatisfy { $0.2 == 1_764_212_400_500 })
    #expect(run.parser.series.allSatisfy { $0.kind == .gauge })
    #expect(!run.parser.assumedZone)
  }

  @Test("SHOW GLOBAL STATUS: exporter names, labelled groups, counters and gauges, decimals")
  func showGlobalStatus() throws {
    let rows = [
      ("Aborted_connects", "7"), ("Com_select", "6050"), ("Connection_errors_max_connections", "12"),
      ("Innodb_buffer_pool_pages_free", "8"), ("Last_query_cost", "10.499000"), ("Ssl_cipher", ""),
      ("Threads_connected", "151"), ("Threads_created", "160"), ("Uptime", "5550"),
    ]
    let run = ParserFeed.run(
      StatusTableParser.self, Self.table(rows).joined(separator: "\n"), path: "/x/2026_11_27_03_00_00-status")
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    #expect(
      Self.samples(run).map(\.0) == [
        "mysql_global_status_aborted_connects", "mysql_global_status_commands_total{command=select}",
        "mysql_global_status_connection_errors_total{error=max_connections}",
        "mysql_global_status_buffer_pool_pages{state=free}", "mysql_global_status_last_query_cost",
        "mysql_global_status_threads_connected", "mysql_global_status_threads_created",
        "mysql_global_status_uptime",
      ])
    #expect(Self.samples(run)[4].1 == 10.499)
    #expect(
      run.parser.series.map(\.kind) == [
        .counter, .counter, .counter, .gauge, .gauge, .gauge, .counter, .gauge,
      ])
    #expect(Self.samples(run).allSatisfy { $0.2 == 1_795_748_400_000 })
    #expect(run.parser.assumedZone)
  }

  @Test("mysqladmin ext -i 10 without TS lines: the file name's time, then Uptime's steps")
  func intervalFromUptime() throws {
    let tables = [("5550", "3"), ("5561", "5"), ("5571", "9")].flatMap { uptime, threads in
      Self.table([("Slave_running", "OFF"), ("Threads_connected", threads), ("Uptime", uptime)]) + [""]
    }
    let run = ParserFeed.run(
      StatusTableParser.self, tables.joined(separator: "\n"), path: "2026_11_27_03_00_00-mysqladmin",
      utcOffsetSeconds: 3600)
    let threads = Self.samples(run).filter { $0.0 == "mysql_global_status_threads_connected" }
    #expect(threads.map(\.1) == [3, 5, 9])
    let start: Int64 = 1_795_748_400_000 - 3_600_000
    #expect(threads.map(\.2) == [start, start + 11_000, start + 21_000])
  }

  @Test("mysqladmin ext -r -i 1: differences after the first table are summed back, gauges included")
  func relative() throws {
    let tables = [("5550", "4", "100"), ("1", "-1", "20"), ("1", "2", "0")].flatMap {
      uptime, threads, questions in
      Self.table([("Questions", questions), ("Threads_connected", threads), ("Uptime", uptime)]) + [""]
    }
    let run = ParserFeed.run(
      StatusTableParser.self, (["TS 1764212400.000 2026-11-27 03:00:00"] + tables).joined(separator: "\n"))
    let samples = Self.samples(run)
    #expect(samples.filter { $0.0 == "mysql_global_status_threads_connected" }.map(\.1) == [4, 3, 5])
    #expect(samples.filter { $0.0 == "mysql_global_status_questions" }.map(\.1) == [100, 120, 120])
    #expect(samples.filter { $0.0 == "mysql_global_status_uptime" }.map(\.1) == [5550, 5551, 5552])
    #expect(Set(samples.map(\.2)).sorted() == [1_764_212_400_000, 1_764_212_401_000, 1_764_212_402_000])
  }

  @Test("a lower Uptime in a table with text rows is a restart, not -r: values stay as printed")
  func restartIsNotRelative() throws {
    let tables = [("5550", "4"), ("3", "1")].flatMap { uptime, threads in
      ["TS 17642124\(uptime == "3" ? "10" : "00").000 x"]
        + Self.table([("Compression", "OFF"), ("Threads_connected", threads), ("Uptime", uptime)])
    }
    let run = ParserFeed.run(StatusTableParser.self, tables.joined(separator: "\n"))
    let threads = Self.samples(run).filter { $0.0 == "mysql_global_status_threads_connected" }
    #expect(threads.map(\.1) == [4, 1])
    #expect(threads.map(\.2) == [1_764_212_400_000, 1_764_212_410_000])
  }

  @Test("a row cut mid-way and a word for a counter are skipped with file lines; the other rows count")
  func malformedRows() throws {
    var lines = Self.table([
      ("Aborted_connects", "7"), ("Threads_connected", "many"), ("Threads_running", "2"), ("Uptime", "100"),
    ])
    lines[4] = "| Threads_connected                 | ma"  // cut off mid-row
    lines.insert(
      "mysqladmin: [Warning] Using a password on the command line interface can be insecure.", at: 0)
    lines += Self.table([("Threads_connected", "abc"), ("Uptime", "101")])
    lines.append("| Threads_run")
    let run = ParserFeed.run(
      StatusTableParser.self, lines.joined(separator: "\n"), path: "2026_11_27_03_00_00-mysqladmin")
    let reasons = run.records.compactMap { record -> String? in
      if case .malformed(let reason) = record { return reason }
      return nil
    }
    #expect(
      reasons == [
        "line 1 is not part of a status table",
        "row at line 6 does not fit the columns of the table at line 2",
        "line 13: Threads_connected is \"abc\", not a number",
        "line 16 is a table row outside any table",
      ])
    #expect(
      Self.samples(run).map { "\($0.0)=\($0.1)" } == [
        "mysql_global_status_aborted_connects=7.0", "mysql_global_status_threads_running=2.0",
        "mysql_global_status_uptime=100.0", "mysql_global_status_uptime=101.0",
      ])
  }

  @Test("a capture cut off inside its last table still yields that table's rows")
  func cutOff() throws {
    let lines = Self.table([("Threads_connected", "3"), ("Uptime", "100")]).dropLast()
    let run = ParserFeed.run(
      StatusTableParser.self, lines.joined(separator: "\n"), path: "2026_11_27_03_00_00-status")
    #expect(Self.samples(run).map(\.1) == [3, 100])
  }

  @Test("without a TS line or a pt-stalk file name the first table is skipped and the source's fault")
  func untimed() throws {
    let run = ParserFeed.run(
      StatusTableParser.self, Self.table([("Threads_connected", "3")]).joined(separator: "\n"))
    #expect(run.records.compactMap(ParserFeed.sample).isEmpty)
    #expect(
      run.failure
        == .untimed(
          path: "evidence.txt", line: 1,
          detail:
            "no time for the status dump at line 1: it has no TS line before it and no pt-stalk capture time "
            + "(YYYY_MM_DD_HH_MM_SS-…) in the file name"
        ))
  }

  @Test("a later table with no TS line and no Uptime row is skipped with its reason; the first counts")
  func laterTableUntimed() throws {
    let lines = Self.table([("Threads_connected", "3")]) + Self.table([("Threads_connected", "4")])
    let run = ParserFeed.run(
      StatusTableParser.self, lines.joined(separator: "\n"), path: "2026_11_27_03_00_00-mysqladmin")
    #expect(run.failure == nil)
    #expect(Self.samples(run).map(\.1) == [3])
    #expect(
      run.records.contains(
        .malformed(
          reason:
            "dump at line 6 is skipped: no TS line before it and no Uptime row to count from an earlier one")
      ))
  }

  @Test("a processlist table in the same file is named, and each of its rows reported as not read")
  func foreignTable() throws {
    let lines =
      [
        "+----+------+", "| Id | User |", "+----+------+", "| 5  | app  |", "+----+------+",
      ] + Self.table([("Threads_connected", "3")])
    let run = ParserFeed.run(
      StatusTableParser.self, lines.joined(separator: "\n"), path: "2026_11_27_03_00_00-x")
    #expect(run.records.filter(ParserFeed.isMalformed).count == 2)  // its header, its one row
    #expect(Self.samples(run).map(\.1) == [3])
  }

  @Test(
    "recognises status tables only",
    arguments: [
      ("+-----------------------------------+----------+", true),
      ("| Variable_name                     | Value    |", true),
      ("| Threads_connected                 | 2        |", true),
      ("| Ssl_cipher                        |          |", true),
      ("+-------+----------+------------------+", false),
      ("| 52605 | rdsadmin |", false),
      ("| Id    | User     | Host             |", false),
      ("Threads_connected\t2", false),
    ])
  func recognition(line: String, expected: Bool) {
    #expect(ParserFeed.recognizes(StatusTableParser.self, line) == expected)
  }
}

/// How the report names a series (`name{label=value}`), to compare samples in one string.
enum MetricVocabularyName {
  static func of(_ series: MetricSeries) -> String {
    series.labels.isEmpty
      ? series.name
      : series.name + "{" + series.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + "}"
  }
}
