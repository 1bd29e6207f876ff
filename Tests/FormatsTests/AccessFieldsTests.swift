import Testing

@testable import Formats

@Suite("Access log topology fields")
struct AccessFieldsTests {
  typealias H = LogLineHarness

  @Test("Istio: method, path, user agent, authority, upstream host and time, flags, client from the peer")
  func istio() throws {
    let line =
      #"[2020-11-25T21:26:18.409Z] "GET /status/418?x=1 HTTP/1.1" 504 UT via_upstream - "-" 0 135 4 3 "-" "#
      + #""curl/7.73.0-DEV" "84961386-6d84-929d-98bd-c5aee93b5c88" "httpbin:8000" "10.44.1.27:80" "#
      + "outbound|8000||httpbin.foo.svc.cluster.local 10.44.1.23:37652 10.0.45.184:8000 10.44.1.23:46520 - default"
    let request = try #require(H.request(H.record(EnvoyAccessParser.self, line)))
    func text(_ range: Range<Int>?) -> String? { range.map { H.text($0, of: line) } }
    #expect(text(request.method) == "GET" && text(request.path) == "/status/418?x=1")
    #expect(text(request.responseFlags) == "UT")
    #expect(text(request.userAgent) == "curl/7.73.0-DEV" && text(request.authority) == "httpbin:8000")
    #expect(text(request.upstream) == "10.44.1.27:80" && request.upstreamMilliseconds == 3)
    #expect(text(request.upstreamCluster) == "outbound|8000||httpbin.foo.svc.cluster.local")
    #expect(text(request.client) == "10.44.1.23")
  }

  @Test("Envoy default format: the forwarded-for's first hop is the client; no flags is nil")
  func envoyDefault() throws {
    let line =
      #"[2020-11-25T21:26:18.409Z] "POST /api/cart HTTP/1.1" 200 - 10 135 12 9 "203.0.113.9, 10.0.0.1" "#
      + #""Mozilla/5.0" "8496" "shop.example.com" "10.44.1.27:80""#
    let request = try #require(H.request(H.record(EnvoyAccessParser.self, line)))
    func text(_ range: Range<Int>?) -> String? { range.map { H.text($0, of: line) } }
    #expect(request.responseFlags == nil && request.durationMilliseconds == 12)
    #expect(text(request.client) == "203.0.113.9" && text(request.upstream) == "10.44.1.27:80")
  }

  @Test("nginx: client address, request line, user agent, $upstream_addr and $upstream_response_time")
  func nginx() throws {
    let line =
      #"10.0.0.9 - - [27/Nov/2026:03:00:01 +0000] "GET /api/orders/12345?q=1 HTTP/1.1" 502 12 "-" "#
      + #""python-requests/2.31" rt=0.250 urt="0.200" ua="10.44.1.7:8080""#
    let request = try #require(H.request(H.record(NginxAccessParser.self, line)))
    func text(_ range: Range<Int>?) -> String? { range.map { H.text($0, of: line) } }
    #expect(text(request.client) == "10.0.0.9" && text(request.userAgent) == "python-requests/2.31")
    #expect(text(request.upstream) == "10.44.1.7:8080" && request.upstreamMilliseconds == 200)
    #expect(request.durationMilliseconds == 250)
    var key: [UInt8] = []
    Array(line.utf8).withUnsafeBytes { AccessKeys.route(request, in: $0, into: &key) }
    #expect(String(decoding: key, as: UTF8.self) == "GET /api/orders/{id}")
  }

  @Test("route templates mask numbers, hex and UUIDs, keep words")
  func routes() {
    for (path, expected) in [
      ("/api/items/6513270e", "/api/items/{id}"), ("/users/42/profile", "/users/{id}/profile"),
      ("/o/3f2a9c1e-7b44-4c1a-9d2e-0a1b2c3d4e5f", "/o/{id}"), ("/health", "/health"), ("/", "/"),
      ("/v1/catalogue", "/v1/catalogue"),
    ] {
      let line = #"1.2.3.4 - - [27/Nov/2026:03:00:01 +0000] "GET \#(path) HTTP/1.1" 200 1"#
      guard let request = H.request(H.record(NginxAccessParser.self, line)) else {
        Issue.record("\(line) not read")
        continue
      }
      var key: [UInt8] = []
      Array(line.utf8).withUnsafeBytes { AccessKeys.route(request, in: $0, into: &key) }
      #expect(String(decoding: key, as: UTF8.self) == "GET " + expected)
    }
  }
}
