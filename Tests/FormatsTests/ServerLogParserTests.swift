import Testing

@testable import Formats

private typealias H = LogLineHarness

/// PostgreSQL, Redis, glog/klog and Apache httpd's error log: time, level, and the component the line names.
@Suite("Server logs: PostgreSQL, Redis, glog, Apache error")
struct ServerLogParserTests {
  @Test(
    "PostgreSQL: the severity after any log_line_prefix that starts with the time, in the zone it names",
    arguments: [
      (
        "2025-08-13 01:45:01.127 PDT [12347] FATAL:  sorry, too many clients already",
        "2025-08-13T08:45:01.127Z",
        LogLevel.fatal, "sorry, too many clients already"
      ),
      (
        "2017-09-06 08:41:43 UTC [44]: [371-1] user=postgres,db=postgres,app=pgbench,client=172.23.0.1 LOG:  "
          + "duration: 59.911 ms  statement: SELECT 1", "2017-09-06T08:41:43Z", .info,
        "duration: 59.911 ms  statement: SELECT 1"
      ),
      (
        "2020-03-11 20:40:45 CET:[local]:postgres@template1:[12777]:ERROR:  deadlock detected",
        "2020-03-11T19:40:45Z", .error, "deadlock detected"
      ),
      (
        "2022-02-17 06:45:10.440 -0800 [691] postgres@db WARNING:  there is no transaction in progress",
        "2022-02-17T14:45:10.440Z", .warn, "there is no transaction in progress"
      ),
      (
        "2023-07-25 02:14:09.790 UTC 64bf2ff1.21fc1e 0 VCDB vumuser [local] 2227230 5LOG:  disconnection",
        "2023-07-25T02:14:09.790Z", .info, "disconnection"
      ),
      (
        "2025-06-05 17:10:04 MSK [608647-3] [local] postgres@postgres DEBUG2: shutting down",
        "2025-06-05T14:10:04Z", .debug, "shutting down"
      ),
    ])
  func postgres(line: String, utc: String, level: LogLevel, message: String) throws {
    let event = try #require(H.event(H.record(PostgreSQLParser.self, line)))
    #expect(event.time.rfc3339 == utc)
    #expect(event.level == level)
    #expect(H.text(event.message, of: line) == message)
  }

  @Test("PostgreSQL: a statement's next lines continue it; a line with the time but no severity is skipped")
  func postgresLines() {
    let records = H.records(
      PostgreSQLParser.self,
      [
        "2025-08-13 01:45:01 UTC [1] ERROR:  syntax error at or near \"FRM\"",
        "\tSELECT * FRM t",
        "2025-08-13 01:45:02 UTC [1] no severity here",
      ])
    #expect(H.event(records[0]) != nil)
    #expect(records[1] == .continuation)
    #expect(H.isMalformed(records[2]))
  }

  @Test("Redis: the level mark, 3.x with its year, 2.x without, the signal handler's epoch")
  func redis() throws {
    let lines = [
      "1:M 29 Aug 2023 13:47:38.984 # WARNING overcommit_memory is set to 0!",
      "[3574] 13 Apr 12:52:30.731 * Sentinel runid is 2e3b1eed",
      "1:signal-handler (1693279182) Received SIGTERM scheduling shutdown...",
      "1:C 29 Aug 2023 13:47:39.000 . background save debug",
    ]
    let events = H.records(RedisParser.self, lines).map(H.event)
    #expect(events.map { $0?.level } == [.warn, .info, .warn, .debug])
    #expect(
      events.map { $0?.time.rfc3339 } == [
        "2023-08-29T13:47:38.984Z", "2026-04-13T12:52:30.731Z", "2023-08-29T03:19:42Z",
        "2023-08-29T13:47:39Z",
      ])
    #expect(H.text(try #require(events[0]).message, of: lines[0]) == "WARNING overcommit_memory is set to 0!")
  }

  @Test("glog and klog: the level letter, the date without a year or with it, the message after `file:line]`")
  func glog() throws {
    let line = "E0517 15:04:22.619632 1952452992 kubelet.go:2453] \"Error syncing pod\" pod=\"default/web\""
    let event = try #require(H.event(H.record(GlogParser.self, line)))
    #expect(event.level == .error)
    #expect(event.time.rfc3339 == "2026-05-17T15:04:22.619Z")
    #expect(event.service == nil)
    #expect(H.text(event.message, of: line).hasPrefix("\"Error syncing pod\""))
    let withYear = try #require(
      H.event(H.record(GlogParser.self, "I20200308 23:47:32.089828 400441 config.cc:27] Loading")))
    #expect(withYear.time.rfc3339 == "2020-03-08T23:47:32.089Z")
    #expect(withYear.level == .info)
    #expect(!H.recognizes(GlogParser.self, "E0517 15:04:22.619632 not a glog line"))
  }

  @Test("Apache's error log: 2.4 with its module, 2.2, CUPS' letter")
  func apacheError() throws {
    let line =
      "[Tue Apr 04 06:28:08.605341 2017] [proxy:error] [pid 17962] [client 127.0.0.1:60444] AH00940: HTTP: "
      + "disabled connection for (backend)"
    let event = try #require(H.event(H.record(ApacheErrorParser.self, line)))
    #expect(event.level == .error)
    #expect(event.time.rfc3339 == "2017-04-04T06:28:08.605Z")
    #expect(event.service == nil)
    #expect(H.text(event.message, of: line).hasPrefix("AH00940"))
    let old = try #require(
      H.event(
        H.record(ApacheErrorParser.self, "[Thu Jan 17 02:42:49 2013] [notice] Digest: generating secret")))
    #expect(old.level == .info)
    let cups = try #require(
      H.event(
        H.record(ApacheErrorParser.self, "W [08/Jun/2013:11:28:58 -0700] Unknown directive BrowseOrder")))
    #expect(cups.level == .warn)
    #expect(cups.time.rfc3339 == "2013-06-08T18:28:58Z")
  }
}

@Suite("Structured server logs: journald JSON, MongoDB")
struct StructuredServerLogTests {
  @Test("journalctl -o json: realtime microseconds, PRIORITY as syslog severity, the unit as service")
  func journald() throws {
    let line =
      #"{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1700000000123456","PRIORITY":"3","_SYSTEMD_UNIT":"nginx.service","#
      + #""SYSLOG_IDENTIFIER":"nginx","MESSAGE":"connect() failed (111: Connection refused)"}"#
    let event = try #require(H.event(H.record(JournaldParser.self, line)))
    #expect(event.time.rfc3339 == "2023-11-14T22:13:20.123Z")
    #expect(event.level == .error)
    #expect(event.service.map { H.text($0, of: line) } == "nginx")
    #expect(H.text(event.message, of: line) == "connect() failed (111: Connection refused)")
    let kernel =
      #"{"__REALTIME_TIMESTAMP":"1700000000000000","PRIORITY":"2","SYSLOG_IDENTIFIER":"kernel","MESSAGE":"Out of memory"}"#
    let oom = try #require(H.event(H.record(JournaldParser.self, kernel)))
    #expect(oom.level == .fatal)
    #expect(oom.service.map { H.text($0, of: kernel) } == "kernel")
    #expect(!H.recognizes(JournaldParser.self, #"{"time":"2023-11-14T22:13:20Z","msg":"x"}"#))
  }

  @Test("MongoDB 4.4+: t.$date, the severity letter, msg")
  func mongodb() throws {
    let line =
      #"{"t":{"$date":"2020-05-01T15:16:17.180+02:00"},"s":"W","c":"NETWORK","id":23016,"ctx":"listener","#
      + #""msg":"Connection refused because there are too many open connections","attr":{"connectionCount":819}}"#
    let event = try #require(H.event(H.record(MongoDBParser.self, line)))
    #expect(event.time.rfc3339 == "2020-05-01T13:16:17.180Z")
    #expect(event.level == .warn)
    #expect(H.text(event.message, of: line).hasPrefix("Connection refused"))
    let debug = #"{"t":{"$date":"2020-05-01T15:16:17.180Z"},"s":"D2","c":"REPL","id":1,"ctx":"x","msg":"y"}"#
    #expect(H.event(H.record(MongoDBParser.self, debug))?.level == .debug)
    #expect(!H.recognizes(MongoDBParser.self, #"{"t":"2020-05-01","s":"W","msg":"y"}"#))
  }
}
