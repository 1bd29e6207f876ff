import Testing

@testable import Formats

private typealias H = LogLineHarness

/// HAProxy, AWS load balancers, S3, uWSGI, and the common log format's variants: status, duration, upstream.
@Suite("Access logs: HAProxy, ALB/ELB, S3, uWSGI, vhost and Werkzeug")
struct AccessLogParserTests {
  @Test("HAProxy HTTP: Ta is the duration, the status, the backend; the year from the accept date")
  func haproxyHTTP() throws {
    let line =
      "Feb 26 00:29:44 lb1 haproxy[7]: 178.203.144.192:50210 [26/Feb/2019:00:29:44.326] web~ app/nginx1 "
      + #"0/0/1/48/49 503 3313 - - sH-- 3/2/0/0/0 0/0 {Mozilla} "GET /cart HTTP/1.1""#
    let request = try #require(H.request(H.record(HAProxyParser.self, line)))
    #expect(request.status == 503)
    #expect(request.durationMilliseconds == 49)
    #expect(request.time.rfc3339 == "2019-02-26T00:29:44Z")
    #expect(request.upstreamCluster.map { H.text($0, of: line) } == "app")
  }

  @Test("HAProxy TCP: Tt, status 0; its own messages and failed handshakes are log events")
  func haproxyOther() throws {
    let lines = [
      "Feb 26 23:16:16 lb1 haproxy[7]: 178.203.144.192:50210 [26/Feb/2019:23:16:15.321] ssh_in ssh_out/ssh1 "
        + "1/1/861 1485 -- 2/1/0/0/0 0/0",
      "Feb 26 10:07:24 lb1 haproxy[1]: Proxy web started.",
      "Feb 26 23:08:47 lb1 haproxy[7]: 178.203.144.192:50210 [26/Feb/2019:23:08:47.266] web/1: Connection "
        + "closed during SSL handshake",
      "178.203.144.192:50210 [26/Feb/2019:00:29:44.326] web~ app/nginx1 0/0/1/48/-1 502 0 - - SH-- 1/1/0/0/0 0/0 "
        + #""GET / HTTP/1.1""#,
    ]
    let records = H.records(HAProxyParser.self, lines)
    let tcp = try #require(H.request(records[0]))
    #expect(tcp.status == 0)
    #expect(tcp.durationMilliseconds == 861)
    #expect(H.event(records[1])?.level == .info)
    #expect(H.event(records[2])?.level == .warn)
    let raw = try #require(H.request(records[3]))
    #expect(raw.status == 502)
    #expect(raw.durationMilliseconds == 0)
    #expect(raw.time.rfc3339 == "2019-02-26T00:29:44.326Z")
    #expect(!H.recognizes(HAProxyParser.self, "Feb 26 10:07:24 lb1 nginx[1]: started"))
  }

  @Test("ALB and classic ELB: the three processing times, the load balancer's status, the target group")
  func aws() throws {
    let alb =
      "https 2016-08-10T23:39:43.065466Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 "
      + #"0.086 0.048 0.037 502 - 0 57 "GET https://www.example.com:443/ HTTP/1.1" "curl/7.46.0" "#
      + "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123:targetgroup/web/73e2d6 "
      + #""Root=1-58337262-36d228ad5d99923122bbe354" "-" "-""#
    let request = try #require(H.request(H.record(AWSAccessParser.self, alb)))
    #expect(request.status == 502)
    #expect(abs(request.durationMilliseconds - 171) < 0.001)
    #expect(request.upstreamCluster.map { H.text($0, of: alb) }?.hasSuffix("targetgroup/web/73e2d6") == true)
    let classic =
      "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 -1 -1 -1 504 0 0 0 "
      + #""GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -"#
    let timeout = try #require(H.request(H.record(AWSAccessParser.self, classic)))
    #expect(timeout.status == 504)
    #expect(timeout.durationMilliseconds == 0)
    #expect(timeout.upstreamCluster.map { H.text($0, of: classic) } == "my-loadbalancer")
  }

  @Test("S3 server access: status, total time, the bucket as upstream")
  func s3() throws {
    let line =
      "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 "
      + "[06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be "
      + #"3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /awsexamplebucket1?versioning HTTP/1.1" 503 SlowDown 113 - 7 - "-" "S3Console/0.4" -"#
    let request = try #require(H.request(H.record(S3AccessParser.self, line)))
    #expect(request.status == 503)
    #expect(request.durationMilliseconds == 7)
    #expect(request.upstreamCluster.map { H.text($0, of: line) } == "awsexamplebucket1")
  }

  @Test("uWSGI: msecs or micros, the status in (HTTP/1.1 NNN)")
  func uwsgi() throws {
    let line =
      "[pid: 24386|app: 0|req: 482950/4125645] 86.221.170.65 () {44 vars in 1322 bytes} [Tue Jan  3 05:01:31 2012] "
      + "GET /contest/ => generated 192 bytes in 21 msecs (HTTP/1.1 500) 4 headers in 188 bytes (1 switches on core 0)"
    let request = try #require(H.request(H.record(UWSGIParser.self, line)))
    #expect(request.status == 500)
    #expect(request.durationMilliseconds == 21)
    #expect(request.time.rfc3339 == "2012-01-03T05:01:31Z")
  }

  @Test("common log format variants: Apache's vhost_combined, Werkzeug's zone-less time, time first")
  func commonVariants() throws {
    let vhost =
      #"www.example.com:80 1.2.3.4 - theuser [10/Feb/2012:16:41:07 -0500] "GET / HTTP/1.0" 500 368 "-" "x""#
    #expect(H.request(H.record(NginxAccessParser.self, vhost))?.status == 500)
    let werkzeug = #"172.18.0.1 - - [29/Aug/2023 22:02:58] "GET / HTTP/1.1" 200 -"#
    let flask = try #require(H.request(H.record(NginxAccessParser.self, werkzeug, utcOffsetSeconds: 3600)))
    #expect(flask.time.rfc3339 == "2023-08-29T21:02:58Z")
    let first = #"2013-02-11T06:43:36 10.112.72.172 - GET "/client/" -1 404 5778 "-" "Mozilla/5.0""#
    #expect(H.request(H.record(NginxAccessParser.self, first))?.status == 404)
  }
}
