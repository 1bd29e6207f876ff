import Testing

@testable import Formats

@Suite("Spring Boot console lines")
struct SpringBootParserTests {
  typealias H = LogLineHarness

  @Test("2.x line: local time, level, message after ` : `")
  func bootTwo() throws {
    let line =
      "2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.engine.jdbc.spi.SqlExceptionHelper   : "
      + "This connection has been closed."
    let event = try #require(H.event(H.record(SpringBootParser.self, line)))
    #expect(event.time.milliseconds == 1_572_534_472_928)
    #expect(event.level == .error)
    #expect(H.text(event.message, of: line) == "This connection has been closed.")
  }

  @Test("right-aligned level and padded thread: `  INFO` and `[           main]`")
  func padding() throws {
    let line =
      "2018-04-05 21:48:56.824  INFO 6838 --- [           main] com.zaxxer.hikari.HikariDataSource       : "
      + "HikariPool-1 - Starting..."
    let event = try #require(H.event(H.record(SpringBootParser.self, line)))
    #expect(event.level == .info)
    #expect(H.text(event.message, of: line) == "HikariPool-1 - Starting...")
  }

  @Test("3.x line: ISO time with its zone, application block, truncated thread")
  func bootThree() throws {
    let line =
      "2024-08-22T23:11:38.365+09:00 ERROR 43082 --- [concert] [nio-80-exec-804] "
      + "o.h.engine.jdbc.spi.SqlExceptionHelper   : HikariPool-1 - Connection is not available, request timed "
      + "out after 124005ms (total=10, active=10, idle=0, waiting=1)"
    var parser = SpringBootParser(
      context: ParserContext(path: "x", options: ReadOptions(utcOffsetSeconds: 7200)))
    var bytes = line
    let record = bytes.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), number: 1) }
    let event = try #require(H.event(record))
    #expect(event.time.milliseconds == 1_724_335_898_365)
    #expect(H.text(event.message, of: line).hasPrefix("HikariPool-1 - Connection is not available"))
    #expect(parser.assumedZone == false)
  }

  @Test("3.x line with Z and a thread name starting with a dash")
  func bootThreeUTC() throws {
    let line =
      "2025-12-23T07:50:30.331Z ERROR 4893 --- [ticketpark] [-8080-exec-1719] "
      + "o.h.engine.jdbc.spi.SqlExceptionHelper   : HikariPool-1 - Connection is not available"
    let event = try #require(H.event(H.record(SpringBootParser.self, line)))
    #expect(event.time.milliseconds == 1_766_476_230_331)
    #expect(H.text(event.message, of: line) == "HikariPool-1 - Connection is not available")
  }

  @Test("a time without a zone takes --tz and is reported as assumed")
  func assumedZone() throws {
    let line = "2019-10-31 15:07:52.928  WARN 1 --- [main] c.i.r.s.Controller : x"
    var parser = SpringBootParser(
      context: ParserContext(path: "x", options: ReadOptions(utcOffsetSeconds: -3600)))
    var bytes = line
    let record = bytes.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), number: 1) }
    let oneHourLater: Int64 = 1_572_534_472_928 + 3_600_000
    #expect(H.event(record)?.time.milliseconds == oneHourLater)
    #expect(H.event(record)?.level == .warn)
    #expect(parser.assumedZone)
  }

  @Test("stack-trace lines, blank lines inside the message and `... n more` fold into the event before them")
  func stackTrace() {
    let lines = [
      "2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.e.j.s.SqlExceptionHelper : Communications link failure",
      "",
      "The last packet successfully received from the server was 6,388 milliseconds ago.",
      "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
      "\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:836)",
      "Caused by: java.net.SocketTimeoutException: Read timed out",
      "\t... 12 more",
      "2019-10-31 15:07:53.001  INFO 13648 --- [nio-9010-exec-8] c.i.r.s.Controller : all codes",
    ]
    let records = H.records(SpringBootParser.self, lines)
    #expect(records.compactMap(H.event).count == 2)
    #expect(Array(records[1...6]) == Array(repeating: .continuation, count: 6))
  }

  @Test("lines before the first event are structure, not continuation")
  func banner() {
    let records = H.records(
      SpringBootParser.self, ["  .   ____          _", " :: Spring Boot ::  (v2.3.3.RELEASE)"])
    #expect(records == [.structure, .structure])
  }

  @Test("a time stamp that does not open a Spring header is malformed")
  func malformed() {
    #expect(H.isMalformed(H.record(SpringBootParser.self, "2019-10-31 15:07:52.928 something else entirely")))
    #expect(H.isMalformed(H.record(SpringBootParser.self, "2019-10-31 15:07:52.928 LOUD 1 --- [main] a : b")))
  }

  @Test(
    "recognises Spring headers only",
    arguments: [
      ("2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.SqlExceptionHelper   : x", true),
      (
        "2024-09-03T19:14:17.550+03:00  INFO 17708 --- [  restartedMain] com.zaxxer.hikari.HikariDataSource : x",
        true
      ),
      ("2024-09-03T19:14:17.550+03:00  INFO --- [main] com.example.App : no pid", true),
      ("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created", false),
      (
        "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - x",
        false
      ),
      ("\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:836)", false),
      ("[2026-11-27 03:04:11] app.ERROR: Database error [] []", false),
    ])
  func recognizes(line: String, expected: Bool) {
    #expect(H.recognizes(SpringBootParser.self, line) == expected)
  }
}
