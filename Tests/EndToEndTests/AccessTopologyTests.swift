import Foundation
import Signals
import Testing

/// An edge proxy's access log as topology and load: which routes go to which upstream, and who sends them.
@Suite("Access logs as topology and load")
struct AccessTopologyTests {
  /// Five minutes of nginx lines: `/api/orders/{id}` to 10.44.1.7 (a client flooding it from 03:02), the
  /// rest to `cart:8080`; upstream 504s for orders after 03:03.
  static func accessLog() -> String {
    var lines: [String] = []
    for second in 0..<300 {
      let time = String(format: "27/Nov/2026:03:%02d:%02d +0000", second / 60, second % 60)
      let flood = second >= 120 ? 5 : 1
      for copy in 0..<flood {
        let status = second >= 180 && copy == 0 ? 504 : 200
        lines.append(
          #"203.0.113.\#(copy == 0 ? 1 : 66) - - [\#(time)] "GET /api/orders/\#(1000 + second) HTTP/1.1" \#(status) 10 "#
            + #""-" "bot/\#(copy == 0 ? 1 : 2)" rt=0.120 urt="0.100" ua="10.44.1.7:8080""#)
      }
      lines.append(
        #"203.0.113.2 - - [\#(time)] "POST /api/cart HTTP/1.1" 200 10 "-" "Mozilla/5.0" rt=0.050 urt="0.040" ua="cart:8080""#
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("routes go to their upstreams, named when the upstream names a service; load by client; 5xx by route")
  func topology() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.accessLog().utf8).write(to: directory.appendingPathComponent("edge-access.log"))
    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    let orders = try #require(extraction.upstreams.first { $0.route == "GET /api/orders/{id}" })
    #expect(orders.upstream == "10.44.1.7:8080" && orders.service == nil && orders.proxy == "edge")
    let cart = try #require(extraction.upstreams.first { $0.route == "POST /api/cart" })
    #expect(cart.service == "cart")
    let signals = extraction.breakdownSignals
    #expect(!extraction.signals.contains { $0.key.subject?.hasPrefix("route=") == true })
    let flood = try #require(signals.first { $0.key.kind == .requestRate && $0.client == "203.0.113.66" })
    let rates = flood.values.filter { !$0.isNaN }
    #expect(rates.first == 0 && (rates.last ?? 0) > 3, "the flooding client's rate rises: \(rates)")
    let errors = try #require(
      signals.first { $0.key.kind == .errorRate && $0.key.subject == "route=GET /api/orders/{id}" })
    #expect((errors.values.filter { !$0.isNaN }.last ?? 0) > 0.1)
    let cartErrors = try #require(
      signals.first { $0.key.kind == .errorRate && $0.key.subject == "route=POST /api/cart" })
    #expect(cartErrors.values.filter { !$0.isNaN }.allSatisfy { $0 == 0 })
    let proxy = try #require(signals.first { $0.key.subject == "proxy-time" })
    #expect(proxy.values.filter { !$0.isNaN }.allSatisfy { abs($0 - 0.02) < 0.011 }, "\(proxy.values)")
  }
}
