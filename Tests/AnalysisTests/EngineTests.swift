import Testing

@testable import Analysis

@Suite("Root-cause engine: origins along the topology, robust findings, the bar")
struct EngineTests {
  @Test(
    "two services slowing together where one calls the other: the callee is the origin, whatever the names",
    arguments: [("alpha", "zulu"), ("zeta", "able")])
  func calleeIsOrigin(caller: String, callee: String) {
    let document = IncidentAnalyzer.analyze(
      EngineIncidents.callerAndCallee(caller: caller, callee: callee), title: "t"
    ).document
    #expect(document.rootCause.component == callee)
    #expect(document.rootCause.kind == .serviceLatency)
    // The chain's arrows follow the call: the caller's link follows from the callee's.
    let calleeLink = document.chain.lastIndex { $0.component == callee }
    let callerLink = document.chain.firstIndex { $0.component == caller }
    #expect(calleeLink != nil && callerLink != nil)
    if let calleeLink, let callerLink {
      #expect(document.chain[callerLink].causedBy == [calleeLink])
      #expect(document.chain[callerLink].role == "downstream")
    }
    #expect(document.alternatives.contains { $0.component == caller })
  }

  @Test(
    "an edge proxy returning 5xx only on one upstream's routes: the upstream is the origin, not the proxy")
  func proxyIsAConduit() {
    for (proxy, failing, healthy) in [("aaa-edge", "payments", "catalog"), ("nginx", "zebra", "apple")] {
      let document = IncidentAnalyzer.analyze(
        EngineIncidents.proxyInFront(proxy: proxy, failing: failing, healthy: healthy), title: "t"
      ).document
      #expect(document.rootCause.component == failing, "\(proxy) in front of \(failing)")
      #expect(document.rootCause.kind == .errorBurst)
      #expect(!document.chain.contains { $0.component == healthy })
    }
  }

  @Test("a p99 hopping between adjacent histogram buckets is no finding, and no incident")
  func bucketHoppingIsNoFinding() {
    let extraction = EngineIncidents.bucketHopping()
    let findings = FindingDetector(extraction: extraction).findings()
    #expect(!findings.contains { extraction.signals[$0.signal].key.kind == .latencyP99 })
    let document = IncidentAnalyzer.analyze(extraction, title: "t").document
    #expect(document.rootCause.kind == .unknown)
    #expect(document.rootCause.confidence == 0)
  }

  @Test("nothing changing: unknown with confidence 0, no chain, every pattern says why it did not apply")
  func quietIsUnknown() {
    let document = IncidentAnalyzer.analyze(EngineIncidents.quiet(), title: "t").document
    #expect(document.rootCause.component == "unknown")
    #expect(document.rootCause.kind == .unknown)
    #expect(document.rootCause.confidence == 0)
    #expect(document.chain.isEmpty)
    #expect(document.hypotheses.allSatisfy { $0.verdict == "not applicable" })
    #expect(Set(document.hypotheses.map(\.kind)).count == PatternCatalog.all.count)
  }

  @Test("every hypothesis tried is in the document with its score, verdict and weighed evidence")
  func hypothesesAreRecorded() {
    let document = IncidentAnalyzer.analyze(SyntheticIncidents.exhaustion(), title: "t").document
    let root = document.hypotheses.first { $0.verdict == "root cause" }
    #expect(root?.kind == .connectionExhaustion)
    #expect(root?.component == "billing")
    #expect(root.map { $0.score >= Hypothesis.bar } == true)
    #expect(root?.evidence.contains { $0.hasPrefix("+3 ") && $0.contains("max_connections") } == true)
    #expect(document.rootCause.client == "billing")
    // The losers are ruled out with what contradicts them.
    let loser = document.hypotheses.first { $0.component == "orders" }
    #expect(loser.map { $0.score < root!.score } == true)
  }

  @Test("a change on the origin shortly before its onset is the trigger; one elsewhere is not")
  func triggerOnTheOrigin() {
    var extraction = SyntheticIncidents.lonelySlowdown()
    extraction.signals.append(
      SyntheticIncidents.signal("search", .changes, subject: "version=2.4.1", role: .change, unit: "events/s")
      {
        $0 == 140 ? 0.1 : 0
      })
    extraction.signals[extraction.signals.count - 1].firstSeenMilliseconds =
      SyntheticIncidents.start + 140 * SyntheticIncidents.step
    extraction.signals.append(
      SyntheticIncidents.signal("billing", .changes, subject: "version=9", role: .change, unit: "events/s") {
        $0 == 20 ? 0.1 : 0
      })
    let document = IncidentAnalyzer.analyze(extraction, title: "t").document
    #expect(document.rootCause.component == "search")
    #expect(document.rootCause.trigger?.contains("search") == true)
    #expect(!document.ruledOut.contains { $0.cause == "deploy" })
  }
}
