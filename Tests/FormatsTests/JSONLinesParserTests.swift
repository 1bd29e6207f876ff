import Testing

@testable import Formats

@Suite("JSON lines (pino and alike)")
struct JSONLinesParserTests {
  typealias H = LogLineHarness

  @Test("pino with level labels: epoch milliseconds, message contents")
  func pinoLabels() throws {
    let line =
      #"{"level":"info","time":1764649283652,"pid":1,"hostname":"91565f6a2406","msg":"Started on port 8080","v":1}"#
    let event = try #require(H.event(H.record(JSONLinesParser.self, line)))
    #expect(event.time.milliseconds == 1_764_649_283_652)
    #expect(event.level == .info)
    #expect(H.text(event.message, of: line) == "Started on port 8080")
  }

  @Test("escapes stay as written in the message range")
  func escapes() throws {
    let line =
      #"{"level":"error","time":1764649283657,"pid":1,"hostname":"h","msg":"ERROR {\"name\":\"MongoNetworkError\"}","v":1}"#
    let event = try #require(H.event(H.record(JSONLinesParser.self, line)))
    #expect(event.level == .error)
    #expect(H.text(event.message, of: line) == #"ERROR {\"name\":\"MongoNetworkError\"}"#)
  }

  @Test("unicode: raw UTF-8 and \\u escapes in keys' neighbours and the message are kept byte for byte")
  func unicode() throws {
    let line =
      #"{"level":"warn","time":1764649283657,"user":"Zoë é","msg":"café ☕ — commande 42 échouée 🚚","v":1}"#
    let event = try #require(H.event(H.record(JSONLinesParser.self, line)))
    #expect(event.level == .warn)
    #expect(H.text(event.message, of: line) == #"café ☕ — commande 42 échouée 🚚"#)
  }

  @Test("nested request and response objects are skipped, keys after them still read")
  func nested() throws {
    let line =
      #"{"level":"info","time":1764649524618,"pid":1,"hostname":"h","req":{"id":1,"method":"GET","url":"/health","#
      + #""headers":{"host":"localhost:8080","user-agent":"curl/7.88.1","accept":"*/*"}},"res":{"statusCode":200},"#
      + #""responseTime":15,"msg":"request completed","v":1}"#
    let event = try #require(H.event(H.record(JSONLinesParser.self, line)))
    #expect(H.text(event.message, of: line) == "request completed")
  }

  @Test(
    "pino numeric levels 10…60",
    arguments: [
      (10, LogLevel.trace), (20, .debug), (30, .info), (40, .warn), (50, .error), (60, .fatal),
    ])
  func numericLevels(number: Int, level: LogLevel) {
    let line = #"{"level":\#(number),"time":1764649283652,"msg":"x"}"#
    #expect(H.event(H.record(JSONLinesParser.self, line))?.level == level)
  }

  @Test("RFC 3339 `@timestamp`, `severity` and `message` keys; epoch seconds in `ts`")
  func otherKeys() throws {
    let logstash = #"{"@timestamp":"2026-11-27T03:04:11.250+01:00","severity":"WARNING","message":"slow"}"#
    let event = try #require(H.event(H.record(JSONLinesParser.self, logstash)))
    #expect(event.time.milliseconds == 1_795_748_651_250 - 3_600_000)
    #expect(event.level == .warn)
    #expect(H.text(event.message, of: logstash) == "slow")
    let zap = #"{"level":"error","ts":1764649283.5,"caller":"main.go:12","msg":"boom"}"#
    #expect(H.event(H.record(JSONLinesParser.self, zap))?.time.milliseconds == 1_764_649_283_500)
  }

  @Test("a string time without a zone is taken at --tz and reported")
  func assumedZone() {
    var parser = JSONLinesParser(
      context: ParserContext(path: "x", options: ReadOptions(utcOffsetSeconds: 3600)))
    var line = #"{"timestamp":"2026-11-27 04:04:11","level":"info","msg":"x"}"#
    let record = line.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), number: 1) }
    #expect(H.event(record)?.time.milliseconds == 1_795_748_651_000)
    #expect(parser.assumedZone)
  }

  @Test("objects without a time, broken objects are malformed; raw text continues the event")
  func malformed() {
    let records = H.records(
      JSONLinesParser.self,
      [
        #"{"level":"info","time":1764649283652,"msg":"x"}"#,
        "    at Server.<anonymous> (/opt/server.js:42:11)",
        #"{"level":"info","msg":"no time"}"#,
        #"{"level":"info","time":1764649283652,"msg":"cut"#,
        #"{"level":"info","time":"last tuesday","msg":"x"}"#,
      ])
    #expect(records[1] == .continuation)
    #expect(H.isMalformed(records[2]))
    #expect(H.isMalformed(records[3]))
    #expect(H.isMalformed(records[4]))
  }

  @Test(
    "recognises log objects only",
    arguments: [
      (#"{"level":"info","time":1764649283652,"msg":"x"}"#, true),
      (
        #"{"log":"2026-11-27 03:00:00 INFO x\n","stream":"stdout","time":"2026-11-27T03:00:00.123456789Z"}"#,
        true
      ),
      (#"{"metric":{"__name__":"up"},"values":[0,0],"timestamps":[1549891472010,1549891487724]}"#, false),
      (#"{"status":"success","data":{"resultType":"matrix","result":[]}}"#, false),
      (#"{"start_time":"2022-09-08T12:51:05.656Z","response_code":200,"duration":15}"#, false),
      ("not json", false),
    ])
  func recognizes(line: String, expected: Bool) {
    #expect(H.recognizes(JSONLinesParser.self, line) == expected)
  }
}
