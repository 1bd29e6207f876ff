import Testing

@testable import Formats

@Suite("Envoy and Istio text access log")
struct EnvoyAccessParserTests {
  typealias H = LogLineHarness

  @Test("Istio line: start time, status, duration, upstream cluster")
  func istio() throws {
    let line =
      #"[2020-11-25T21:26:18.409Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 135 4 4 "-" "#
      + #""curl/7.73.0-DEV" "84961386-6d84-929d-98bd-c5aee93b5c88" "httpbin:8000" "10.44.1.27:80" "#
      + "outbound|8000||httpbin.foo.svc.cluster.local 10.44.1.23:37652 10.0.45.184:8000 10.44.1.23:46520 - default"
    let request = try #require(H.request(H.record(EnvoyAccessParser.self, line)))
    #expect(request.time.milliseconds == 1_606_339_578_409)
    #expect(request.status == 418)
    #expect(request.durationMilliseconds == 4)
    let cluster = try #require(request.upstreamCluster)
    #expect(H.text(cluster, of: line) == "outbound|8000||httpbin.foo.svc.cluster.local")
  }

  @Test("Istio inbound line with IPv6 addresses in brackets")
  func ipv6() throws {
    let line =
      #"[2022-08-22T13:20:22.460Z] "GET /ratings/0 HTTP/1.1" 200 - via_upstream - "-" 0 48 1 0 "-" "curl/7.79.1" "#
      + #""72f12c1b-8a44-9a62-b28e-2296da5b1118" "ratings:9080" "[2a02:cf40::7]:3000" inbound|9080|| "#
      + "127.0.0.6:38951 10.124.0.11:9080 [2a02:cf40::4e36]:5000 outbound_.9080_._.ratings.default.svc.cluster.local default"
    let request = try #require(H.request(H.record(EnvoyAccessParser.self, line)))
    #expect(request.status == 200)
    #expect(request.durationMilliseconds == 1)
    #expect(request.upstreamCluster.map { H.text($0, of: line) } == "inbound|9080||")
  }

  @Test("TCP line: `\"- - -\"`, code 0, the connection's lifetime as duration")
  func tcp() throws {
    let line =
      #"[2022-10-18T20:24:03.639Z] "- - -" 0 - - - "-" 85 585 1100 - "-" "-" "-" "-" "172.30.247.31:9092" "#
      + "outbound|9092||kafka.apps.sbc-okd.pcbltools.ru 10.128.2.33:54464 172.30.247.31:9092 10.128.2.33:54460 - -"
    let request = try #require(H.request(H.record(EnvoyAccessParser.self, line)))
    #expect(request.time.milliseconds == 1_666_124_643_639)
    #expect(request.status == 0)
    #expect(request.durationMilliseconds == 1100)
    #expect(
      request.upstreamCluster.map { H.text($0, of: line) } == "outbound|9092||kafka.apps.sbc-okd.pcbltools.ru"
    )
  }

  @Test("Envoy's own default format: byte counts right after the flags, no cluster")
  func envoyDefault() throws {
    let line =
      #"[2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "#
      + #""cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80""#
    let request = try #require(H.request(H.record(EnvoyAccessParser.self, line)))
    #expect(request.time.milliseconds == 1_460_751_420_310)
    #expect(request.status == 204)
    #expect(request.durationMilliseconds == 226)
    #expect(request.upstreamCluster == nil)
  }

  @Test("the proxy's own log lines are structure; anything else is malformed")
  func interleaved() {
    let istioAgent =
      "2023-11-27T03:00:00.123456Z\twarning\tenvoy config\tStreamAggregatedResources gRPC config stream closed"
    #expect(H.record(EnvoyAccessParser.self, istioAgent) == .structure)
    let envoy =
      "[2023-11-27 03:00:00.123][15][warning][config] [source/common/config/grpc_stream.h:201] closed"
    #expect(H.record(EnvoyAccessParser.self, envoy) == .structure)
    #expect(
      H.isMalformed(H.record(EnvoyAccessParser.self, #"[2020-11-25T21:26:18.409Z] "GET / HTTP/1.1" OK"#)))
  }

  @Test(
    "recognises access lines only",
    arguments: [
      (
        #"[2022-10-18T20:24:03.639Z] "- - -" 0 - - - "-" 85 585 1100 - "-" "-" "-" "-" "1.2.3.4:9092" x 1 2 3 - -"#,
        true
      ),
      (
        #"192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 0 "-" "kube-probe/1.28""#,
        false
      ),
      ("2023-11-27T03:00:00.123456Z\twarning\tenvoy config\tclosed", false),
      ("[2026-11-27 03:04:11] app.ERROR: Database error [] []", false),
    ])
  func recognizes(line: String, expected: Bool) {
    #expect(H.recognizes(EnvoyAccessParser.self, line) == expected)
  }
}
