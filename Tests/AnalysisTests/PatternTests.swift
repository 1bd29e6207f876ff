import Testing

@testable import Analysis

@Suite("Causal patterns on synthetic incidents")
struct PatternTests {
  @Test(
    "a client that fills the database is the origin; the other client is collateral; the calm one is ruled out"
  )
  func exhaustion() {
    let document = IncidentAnalyzer.analyze(SyntheticIncidents.exhaustion(), title: "t").document
    #expect(document.rootCause.kind == .connectionExhaustion)
    #expect(document.rootCause.component == "billing")
    #expect(document.rootCause.resource == "postgres-primary")
    #expect(document.chain.first?.role == "cause")
    #expect(document.chain.contains { $0.component == "orders" && $0.role == "collateral" })
    #expect(!document.chain.contains { $0.component == "search" })
    #expect(document.ruledOut.contains { $0.cause == "traffic" })
    #expect(document.ruledOut.contains { $0.cause == "other services" && $0.why.contains("search") })
    #expect(!document.ruledOut.contains { $0.cause == "database" })
  }

  @Test("a service that slows down alone is blamed itself, and the flat database is ruled out")
  func lonelySlowdown() {
    let document = IncidentAnalyzer.analyze(SyntheticIncidents.lonelySlowdown(), title: "t").document
    #expect(document.rootCause.kind == .serviceLatency)
    #expect(document.rootCause.component == "search")
    #expect(document.rootCause.resource == nil)
    let database = document.ruledOut.first { $0.cause == "database" }
    #expect(database?.why.contains("no change point") == true)
  }

  @Test("a traffic surge before the slowdown is the cause, not the slow service")
  func surge() {
    let document = IncidentAnalyzer.analyze(SyntheticIncidents.surge(), title: "t").document
    #expect(document.rootCause.kind == .trafficSurge)
    #expect(!document.ruledOut.contains { $0.cause == "traffic" })
    #expect(document.rootCause.component == "api")
    #expect(document.alternatives.contains { $0.component == "api" && $0.kind == .serviceLatency })
  }

  @Test("the timeline is in time order and every entry carries an uncertainty of at least its bucket")
  func timelineOrder() {
    let document = IncidentAnalyzer.analyze(SyntheticIncidents.exhaustion(), title: "t").document
    #expect(!document.timeline.isEmpty)
    #expect(document.timeline.map(\.time) == document.timeline.map(\.time).sorted())
    #expect(document.timeline.allSatisfy { $0.uncertaintySeconds >= 1 })
  }
}
