import Testing

@testable import Formats

@Suite("MySQL status and variables, batch form (mysql -B / -e)")
struct StatusBatchParserTests {
  private static func samples(_ run: ParserFeed.Run<StatusBatchParser>) -> [String] {
    run.records.compactMap(ParserFeed.sample).map { sample in
      "\(MetricVocabularyName.of(run.parser.series[sample.series]))=\(sample.value)@\(sample.time.milliseconds)"
    }
  }

  @Test("pt-stalk's -variables file: the global variables read, echoes and per-thread tables are not")
  func ptStalkVariables() throws {
    let text = """

      SHOW GLOBAL VARIABLES

      Variable_name\tValue
      auto_increment_increment\t1
      character_sets_dir\t
      datadir\t/var/lib/mysql/
      max_connections\t151
      version\t5.7.21-log

      select * from performance_schema.variables_by_thread order by thread_id, variable_name;

      THREAD_ID\tVARIABLE_NAME\tVARIABLE_VALUE
      28\tauto_increment_increment\t1
      28\tmax_join_size\t18446744073709551615

      """
    let run = ParserFeed.run(StatusBatchParser.self, text, path: "/pt/2018_03_05_13_24_55-variables")
    #expect(run.failure == nil)
    #expect(
      Self.samples(run) == [
        "mysql_global_variables_auto_increment_increment=1.0@1520256295000",
        "mysql_global_variables_max_connections=151.0@1520256295000",
      ])
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(
          reason:
            "table at line 13 is not SHOW STATUS or SHOW VARIABLES output (not Variable_name and Value); its rows are not read"
        )
      ])
  }

  @Test("SHOW GLOBAL STATUS dumps after TS lines, as a capture loop writes them, each at its TS time")
  func statusLoop() throws {
    let text = """
      TS 1764212400.000 2026-11-27 03:00:00  03:00:00 up 10 days,  load average: 0.10, 0.20, 0.30
      Variable_name\tValue
      Aborted_connects\t0
      Compression\tOFF
      Threads_connected\t12
      TS 1764212410.000 2026-11-27 03:00:10  03:00:10 up 10 days,  load average: 0.10, 0.20, 0.30
      Variable_name\tValue
      Aborted_connects\t3
      Compression\tOFF
      Threads_connected\t151
      """
    let run = ParserFeed.run(StatusBatchParser.self, text)
    #expect(
      Self.samples(run) == [
        "mysql_global_status_aborted_connects=0.0@1764212400000",
        "mysql_global_status_threads_connected=12.0@1764212400000",
        "mysql_global_status_aborted_connects=3.0@1764212410000",
        "mysql_global_status_threads_connected=151.0@1764212410000",
      ])
    #expect(!run.parser.assumedZone)
  }

  @Test("-N output without a header is one dump too")
  func headerless() throws {
    let run = ParserFeed.run(
      StatusBatchParser.self, "max_connections\t500\nwait_timeout\t28800",
      path: "2026_11_27_03_00_00-variables")
    #expect(
      Self.samples(run) == [
        "mysql_global_variables_max_connections=500.0@1795748400000",
        "mysql_global_variables_wait_timeout=28800.0@1795748400000",
      ])
  }

  @Test("a line without its tab inside a dump and a word for max_connections are skipped with their lines")
  func malformed() throws {
    let text = "Variable_name\tValue\nmax_connec\nmax_connections\tlots\nwait_timeout\t28800"
    let run = ParserFeed.run(StatusBatchParser.self, text, path: "2026_11_27_03_00_00-variables")
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "line 2 has no tab between a name and a value"),
        .malformed(reason: "line 3: max_connections is \"lots\", not a number"),
      ])
    #expect(Self.samples(run) == ["mysql_global_variables_wait_timeout=28800.0@1795748400000"])
  }

  @Test("without a TS line or a pt-stalk file name the file fails")
  func untimed() {
    let run = ParserFeed.run(StatusBatchParser.self, "Variable_name\tValue\nmax_connections\t151")
    #expect(run.failure != nil)
    #expect(run.records.compactMap(ParserFeed.sample).isEmpty)
  }

  @Test(
    "recognises name-tab-value lines only",
    arguments: [
      ("Variable_name\tValue", true), ("max_connections\t151", true), ("ssl_ca\t", true),
      ("28\tauto_increment_increment\t1", false), ("1\troot\tlocalhost\tNULL\tSleep", false),
      ("| Threads_connected | 2 |", false), ("max_connections 151", false),
    ])
  func recognition(line: String, expected: Bool) {
    #expect(ParserFeed.recognizes(StatusBatchParser.self, line) == expected)
  }
}
