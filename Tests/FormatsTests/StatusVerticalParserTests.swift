import Testing

@testable import Formats

@Suite("MySQL status and variables, vertical form (\\G)")
struct StatusVerticalParserTests {
  private static func samples(_ run: ParserFeed.Run<StatusVerticalParser>) -> [String] {
    run.records.compactMap(ParserFeed.sample).map { sample in
      "\(MetricVocabularyName.of(run.parser.series[sample.series]))=\(sample.value)@\(sample.time.milliseconds)"
    }
  }

  @Test("SHOW VARIABLES\\G: max_connections read, text values left out")
  func showVariables() {
    let text = """
      TS 1764212400.000 2026-11-27 03:00:00
      mysql> SHOW GLOBAL VARIABLES LIKE 'max_conn%'\\G
      *************************** 1. row ***************************
      Variable_name: max_connect_errors
              Value: 100
      *************************** 2. row ***************************
      Variable_name: max_connections
              Value: 151
      *************************** 3. row ***************************
      Variable_name: log_bin_basename
              Value: /var/lib/mysql/binlog
      3 rows in set (0.00 sec)
      """
    let run = ParserFeed.run(StatusVerticalParser.self, text)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    #expect(
      Self.samples(run) == [
        "mysql_global_variables_max_connect_errors=100.0@1764212400000",
        "mysql_global_variables_max_connections=151.0@1764212400000",
      ])
  }

  @Test("SHOW GLOBAL STATUS\\G dumps: a new `1. row` starts the next, placed by Uptime after the file's time")
  func statusDumps() {
    func dump(_ threads: Int, _ uptime: Int) -> String {
      """
      *************************** 1. row ***************************
      Variable_name: Threads_connected
              Value: \(threads)
      *************************** 2. row ***************************
      Variable_name: Uptime
              Value: \(uptime)
      """
    }
    let run = ParserFeed.run(
      StatusVerticalParser.self, dump(10, 500) + "\n" + dump(150, 530), path: "2026_11_27_03_00_00-status")
    #expect(
      Self.samples(run) == [
        "mysql_global_status_threads_connected=10.0@1795748400000",
        "mysql_global_status_uptime=500.0@1795748400000",
        "mysql_global_status_threads_connected=150.0@1795748430000",
        "mysql_global_status_uptime=530.0@1795748430000",
      ])
  }

  @Test("a name without its value and a field of another statement are skipped with their lines")
  func malformed() {
    let text = """
      *************************** 1. row ***************************
      Variable_name: Threads_connected
      *************************** 2. row ***************************
      Variable_name: Threads_running
              Value: 4
      *************************** 3. row ***************************
           Id: 5
      """
    let run = ParserFeed.run(StatusVerticalParser.self, text, path: "2026_11_27_03_00_00-status")
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "Variable_name at line 2 has no Value line"),
        .malformed(reason: "line 7 is a field of something other than SHOW STATUS or SHOW VARIABLES"),
      ])
    #expect(Self.samples(run) == ["mysql_global_status_threads_running=4.0@1795748400000"])
  }

  @Test(
    "recognises Variable_name and Value lines only",
    arguments: [
      ("Variable_name: max_connections", true), ("        Value: 151", true), ("VARIABLE_VALUE: 3", true),
      ("*************************** 1. row ***************************", false), ("     Id: 689004", false),
      ("TS 1520256297.002113337 2018-03-05 13:24:57", false),
    ])
  func recognition(line: String, expected: Bool) {
    #expect(ParserFeed.recognizes(StatusVerticalParser.self, line) == expected)
  }
}
