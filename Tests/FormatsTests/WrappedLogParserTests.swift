import Testing

@testable import Formats

@Suite("logfmt, CRI container logs and Loki exports")
struct WrappedLogParserTests {
  typealias H = LogLineHarness

  @Test("logfmt: quoted and bare values, level, message, service; epoch times too")
  func logfmt() throws {
    let line =
      #"time="2026-11-27T03:04:11Z" level=error msg="pool \"main\" exhausted" service=shipping err="dial tcp: i/o timeout""#
    let event = try #require(H.event(H.record(LogfmtParser.self, line)))
    #expect(event.time.milliseconds == 1_795_748_651_000)
    #expect(event.level == .error)
    #expect(H.text(event.message, of: line) == #"pool \"main\" exhausted"#)
    #expect(event.service.map { H.text($0, of: line) } == "shipping")
    let gokit = "ts=1795748651.25 caller=main.go:42 level=warn msg=retrying"
    let epoch = try #require(H.event(H.record(LogfmtParser.self, gokit)))
    #expect(epoch.time.milliseconds == 1_795_748_651_250)
    #expect(epoch.level == .warn)
    #expect(epoch.service == nil)
  }

  @Test("logfmt: a record without a time is reported; prose is not logfmt; a panic continues its event")
  func logfmtEdges() {
    #expect(H.isMalformed(H.record(LogfmtParser.self, "level=info msg=hello")))
    #expect(!H.recognizes(LogfmtParser.self, "the value x=1 was odd"))
    #expect(!H.recognizes(LogfmtParser.self, "2026-11-27 03:04:11 INFO a=b"))
    let records = H.records(
      LogfmtParser.self, [#"t=2026-11-27T03:04:11Z level=error msg=panic"#, "goroutine 1 [running]:"])
    #expect(records[1] == .continuation)
  }

  @Test("CRI: the runtime's time, the container line's own level and message, text or JSON")
  func cri() throws {
    let spring =
      "2026-11-27T03:04:11.123456789Z stdout F 2026-11-27 03:04:11.120 ERROR 1 --- [exec-7] c.i.s.Ctrl : timeout"
    let event = try #require(H.event(H.record(CRILogParser.self, spring)))
    #expect(event.time.milliseconds == 1_795_748_651_123)
    #expect(event.level == .error)
    #expect(H.text(event.message, of: spring) == "1 --- [exec-7] c.i.s.Ctrl : timeout")
    let pino = #"2026-11-27T03:04:11.5Z stderr F {"level":"warn","time":1,"msg":"slow redis"}"#
    let json = try #require(H.event(H.record(CRILogParser.self, pino)))
    #expect(json.level == .warn)
    #expect(H.text(json.message, of: pino) == "slow redis")
  }

  @Test("CRI: a partial line's pieces are one event; a line without the prefix is reported")
  func criPartial() {
    let records = H.records(
      CRILogParser.self,
      [
        "2026-11-27T03:04:11Z stdout P first half of a long line",
        "2026-11-27T03:04:11Z stdout P middle",
        "2026-11-27T03:04:11Z stdout F end",
        "2026-11-27T03:04:12Z stdout F next",
        "garbage",
      ])
    #expect(H.event(records[0]) != nil)
    #expect(records[1] == .continuation && records[2] == .continuation)
    #expect(H.event(records[3]) != nil)
    #expect(H.isMalformed(records[4]))
    #expect(!H.recognizes(CRILogParser.self, "2026-11-27T03:04:11 stdout F x"))  // the runtime names its zone
  }

  @Test("Loki default output: labels padded, the app label as the service, the line's own level")
  func lokiDefault() throws {
    let line =
      #"2026-11-27T04:04:11+01:00 {container="c", app="shipping", pod="shipping-7d9f8c-abcde"}      2026-11-27 03:04:11.120 WARN 1 --- [main] x : slow"#
    let event = try #require(H.event(H.record(LokiExportParser.self, line)))
    #expect(event.time.milliseconds == 1_795_748_651_000)
    #expect(event.service.map { H.text($0, of: line) } == "shipping")
    #expect(event.level == .warn)
    #expect(H.text(event.message, of: line) == "1 --- [main] x : slow")
  }

  @Test("Loki jsonl output: labels object, line, RFC 3339 nanosecond timestamp")
  func lokiJSONL() throws {
    let line =
      #"{"labels":{"job":"robot-shop/ratings","container":"ratings"},"line":"[2026-11-27 03:04:11] app.ERROR: Database error SQLSTATE[HY000] [1040] Too many connections [] []","timestamp":"2026-11-27T03:04:11.123456789Z"}"#
    let event = try #require(H.event(H.record(LokiExportParser.self, line)))
    #expect(event.time.milliseconds == 1_795_748_651_123)
    #expect(event.service.map { H.text($0, of: line) } == "ratings")  // container outranks job
    #expect(event.level == .error)
    #expect(H.text(event.message, of: line).hasSuffix("Too many connections [] []"))
    #expect(!H.recognizes(LokiExportParser.self, #"{"level":"info","time":1,"msg":"x"}"#))
  }

  @Test("Docker json-file: the wrapped line's own level and message, text or escaped JSON, newline dropped")
  func docker() throws {
    let text =
      #"{"log":"2026-11-27 03:04:11.120 ERROR 1 --- [exec-7] c.i.s.Ctrl : timeout\n","stream":"stdout","time":"2026-11-27T03:04:11.123456789Z"}"#
    let event = try #require(H.event(H.record(JSONLinesParser.self, text)))
    #expect(event.level == .error)
    #expect(H.text(event.message, of: text) == "1 --- [exec-7] c.i.s.Ctrl : timeout")
    let json =
      #"{"log":"{\"level\":\"warn\",\"time\":1,\"msg\":\"slow redis\"}\n","stream":"stderr","time":"2026-11-27T03:04:11Z"}"#
    let inner = try #require(H.event(H.record(JSONLinesParser.self, json)))
    #expect(inner.level == .warn)
    #expect(H.text(inner.message, of: json) == "slow redis")
    let lvl = #"{"ts":"2026-11-27T03:04:11Z","lvl":"eror","msg":"x"}"#
    #expect(H.event(H.record(JSONLinesParser.self, lvl))?.level == .info)  // an unknown name stays info
    let known = #"{"ts":"2026-11-27T03:04:11Z","lvl":"error","msg":"x"}"#
    #expect(H.event(H.record(JSONLinesParser.self, known))?.level == .error)
  }

  @Test("Envoy JSON access log: start, status, duration, upstream cluster; TCP as status 0")
  func envoyJSON() throws {
    let line =
      #"{"start_time":"2020-11-25T21:26:18.409Z","method":"GET","path":"/status/418","protocol":"HTTP/1.1","response_code":418,"response_flags":"-","bytes_received":0,"bytes_sent":135,"duration":4,"upstream_service_time":"3","upstream_cluster":"outbound|8000||httpbin.foo.svc.cluster.local"}"#
    guard case .request(let record) = H.record(EnvoyJSONAccessParser.self, line) else {
      Issue.record("not a request")
      return
    }
    #expect(record.time.milliseconds == 1_606_339_578_409)
    #expect(record.status == 418)
    #expect(record.durationMilliseconds == 4)
    #expect(
      record.upstreamCluster.map { H.text($0, of: line) } == "outbound|8000||httpbin.foo.svc.cluster.local")
    let tcp =
      #"{"start_time":"2020-11-25T21:26:18Z","response_code":0,"duration":5012,"upstream_cluster":"-"}"#
    guard case .request(let connection) = H.record(EnvoyJSONAccessParser.self, tcp) else {
      Issue.record("not a connection")
      return
    }
    #expect(connection.status == 0 && connection.upstreamCluster == nil)
    #expect(
      H.isMalformed(
        H.record(EnvoyJSONAccessParser.self, #"{"start_time":"x","response_code":200,"duration":1}"#)))
    #expect(!H.recognizes(EnvoyJSONAccessParser.self, #"{"level":"info","time":1,"msg":"x"}"#))
  }
}
