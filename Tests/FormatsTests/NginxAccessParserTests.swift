import Testing

@testable import Formats

@Suite("nginx and Apache access log")
struct NginxAccessParserTests {
  typealias H = LogLineHarness

  @Test("combined line: time with its offset, status, no duration")
  func combined() throws {
    let line =
      #"192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 0 "-" "kube-probe/1.28""#
    let request = try #require(H.request(H.record(NginxAccessParser.self, line)))
    #expect(request.time.milliseconds == 1_772_100_001_000)
    #expect(request.status == 200)
    #expect(request.durationMilliseconds == 0)
    #expect(request.upstreamCluster == nil)
  }

  @Test("main format with forwarded-for, and a user name")
  func main() throws {
    let line =
      #"10.1.2.3 - alice [27/Nov/2026:04:00:01 +0100] "GET /api/shipping/codes HTTP/1.1" 504 167 "-" "#
      + #""Mozilla/5.0 (X11; Linux x86_64)" "203.0.113.9""#
    let request = try #require(H.request(H.record(NginxAccessParser.self, line)))
    #expect(request.time.milliseconds == 1_795_748_401_000)
    #expect(request.status == 504)
  }

  @Test("$request_time as a bare field or as rt=, in seconds")
  func requestTime() throws {
    let bare =
      #"10.1.2.3 - - [27/Nov/2026:03:00:01 +0000] "GET / HTTP/1.1" 200 12 "-" "curl" "-" 0.250 0.248"#
    #expect(H.request(H.record(NginxAccessParser.self, bare))?.durationMilliseconds == 250)
    let keyed =
      #"10.1.2.3 - - [27/Nov/2026:03:00:01 +0000] "GET / HTTP/1.1" 200 12 "-" "curl" urt=0.1 rt=9.301"#
    #expect(H.request(H.record(NginxAccessParser.self, keyed))?.durationMilliseconds == 9301)
  }

  @Test("$upstream_response_time stands in when $request_time is absent, the first upstream's of several")
  func upstreamTime() throws {
    let single =
      #"10.1.2.3 - - [27/Nov/2026:03:00:01 +0000] "GET / HTTP/1.1" 504 12 "-" "curl" urt="60.002""#
    #expect(H.request(H.record(NginxAccessParser.self, single))?.durationMilliseconds == 60002)
    let several =
      #"10.1.2.3 - - [27/Nov/2026:03:00:01 +0000] "GET / HTTP/1.1" 200 12 "-" "curl" upstream_response_time=0.050, 0.120"#
    #expect(H.request(H.record(NginxAccessParser.self, several))?.durationMilliseconds == 50)
  }

  @Test("escaped quotes inside the request and user agent")
  func escapedQuotes() throws {
    let line = #"::1 - - [27/Nov/2026:03:00:01 +0000] "GET /q?x=\"a b\" HTTP/1.1" 400 0 "-" "say \"hi\"""#
    #expect(H.request(H.record(NginxAccessParser.self, line))?.status == 400)
  }

  @Test("lines that are not access lines are malformed")
  func malformed() {
    let error = #"2021/02/02 17:16:24 [error] 7#7: *25602 upstream timed out (110: Connection timed out)"#
    #expect(H.isMalformed(H.record(NginxAccessParser.self, error)))
    #expect(
      H.isMalformed(
        H.record(NginxAccessParser.self, #"1.2.3.4 - - [26/Feb/2026:10:00:01 +0000] "GET /" abc 0"#)))
  }

  @Test(
    "recognises access lines only",
    arguments: [
      (
        #"192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 0 "-" "kube-probe/1.28""#,
        true
      ),
      (#"192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 -"#, true),
      (#"[2020-11-25T21:26:18.409Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 135 4 4"#, false),
      ("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6", false),
    ])
  func recognizes(line: String, expected: Bool) {
    #expect(H.recognizes(NginxAccessParser.self, line) == expected)
  }
}
