import Signals
import Testing

@testable import Analysis

/// Hand-built incidents around a failing dependency, with the decoys it must tell apart.
@Suite("Dependency failure")
struct DependencyFailureTests {
  typealias S = SyntheticIncidents

  /// `cart`'s calls to `catalogue` start timing out at bucket `failing`, cart's latency rises at `slowing`;
  /// cart's database connections stay flat; `search` is calm throughout.
  static func incident(failing: Int, slowing: Int) -> Extraction {
    var signals = [
      S.signal("cart", .requestRate, role: .load, unit: "req/s") { 100 + S.noise($0, 1, scale: 6) },
      S.signal("cart", .latencyP90, role: .symptom, unit: "s") {
        $0 < slowing ? 0.2 + S.noise($0, 2, scale: 0.02) : 3 + S.noise($0, 3, scale: 0.2)
      },
      S.signal("search", .latencyP90, role: .symptom, unit: "s") { 0.1 + S.noise($0, 4, scale: 0.01) },
      S.signal("mysql", .dbConnections, subject: "cart", role: .resource, unit: "connections") {
        20 + S.noise($0, 5, scale: 2)
      },
    ]
    var outbound = S.signal("cart", .outboundErrors, subject: "catalogue", role: .symptom, unit: "errors/s") {
      $0 < failing ? 0 : 4 + S.noise($0, 6, scale: 0.5)
    }
    outbound.resource = "catalogue"
    outbound.client = "cart"
    outbound.examples = [
      ExampleLine(
        path: "cart.log", line: 812, milliseconds: S.start + Int64(failing) * S.step,
        text: "java.net.SocketTimeoutException: Read timed out url=http://catalogue:8080/items")
    ]
    outbound.firstSeenMilliseconds = S.start + Int64(failing) * S.step
    signals.append(outbound)
    return S.extraction(signals, services: ["cart", "search"])
  }

  @Test("calls to catalogue timing out before cart slows: the dependency, with cart as the caller")
  func dependency() {
    let document = IncidentAnalyzer.analyze(Self.incident(failing: 100, slowing: 103), title: "t").document
    #expect(document.rootCause.kind == .dependencyFailure)
    #expect(document.rootCause.component == "cart")
    #expect(document.rootCause.resource == "catalogue")
  }

  @Test("a slow service whose calls fail only after it slowed is not blamed on its dependency")
  func retriesAfterSlowdown() {
    let document = IncidentAnalyzer.analyze(Self.incident(failing: 130, slowing: 100), title: "t").document
    #expect(document.rootCause.kind != .dependencyFailure)
  }
}
