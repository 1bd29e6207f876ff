import Testing

@testable import Formats

@Suite("PHP monolog lines")
struct MonologParserTests {
  typealias H = LogLineHarness

  @Test("monolog 1 line: message without the trailing empty context and extra")
  func monologOne() throws {
    let line =
      "[2026-11-27 03:04:11] app.ERROR: Database error SQLSTATE[HY000] [1040] Too many connections [] []"
    let event = try #require(H.event(H.record(MonologParser.self, line)))
    #expect(event.time.milliseconds == 1_795_748_651_000)
    #expect(event.level == .error)
    #expect(H.text(event.message, of: line) == "Database error SQLSTATE[HY000] [1040] Too many connections")
  }

  @Test("a JSON context object is excluded too; the channel may be any name")
  func context() throws {
    let line =
      #"[2024-01-15 14:24:12] production.ERROR: Doctrine\DBAL\Exception\ConnectionException: SQLSTATE[HY000] "#
      + #"[1040] Too many connections {"sql":"SELECT 1 {x}","code":1040} []"#
    let event = try #require(H.event(H.record(MonologParser.self, line)))
    #expect(
      H.text(event.message, of: line)
        == #"Doctrine\DBAL\Exception\ConnectionException: SQLSTATE[HY000] [1040] Too many connections"#)
  }

  @Test("a trailing code in brackets is part of the message when no context follows")
  func bracketedCode() throws {
    let line = "[2026-11-27 03:04:11] app.WARNING: retry failed [1040]"
    let event = try #require(H.event(H.record(MonologParser.self, line)))
    #expect(event.level == .warn)
    #expect(H.text(event.message, of: line) == "retry failed [1040]")
  }

  @Test("monolog 2 time with microseconds and offset; NOTICE and CRITICAL map to info and fatal")
  func monologTwo() throws {
    let notice = "[2026-11-27T04:04:11.123456+01:00] app.NOTICE: Pool warmed [] []"
    let event = try #require(H.event(H.record(MonologParser.self, notice)))
    #expect(event.time.milliseconds == 1_795_748_651_123)
    #expect(event.level == .info)
    #expect(
      H.event(H.record(MonologParser.self, "[2026-11-27 03:04:11] app.CRITICAL: x [] []"))?.level == .fatal)
  }

  @Test("continuation lines, and malformed stamped lines")
  func continuation() {
    let records = H.records(
      MonologParser.self,
      [
        "[2026-11-27 03:04:11] app.ERROR: first [] []", "#0 /var/www/src/Database.php(42)",
        "[2026-11-27 03:04:11] oops",
      ])
    #expect(records[1] == .continuation)
    #expect(H.isMalformed(records[2]))
  }

  @Test(
    "recognises monolog headers only",
    arguments: [
      ("[2026-11-27 03:04:11] app.ERROR: Database error [] []", true),
      ("[2026-11-27 03:04:11] app.FOO: Database error [] []", false),
      ("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties", false),
      ("[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy", false),
      (#"[2020-11-25T21:26:18.409Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 135 4 4"#, false),
    ])
  func recognizes(line: String, expected: Bool) {
    #expect(H.recognizes(MonologParser.self, line) == expected)
  }
}
