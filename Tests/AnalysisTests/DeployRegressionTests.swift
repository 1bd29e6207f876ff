import Signals
import Testing

@testable import Analysis

@Suite("Deploy regressions")
struct DeployRegressionTests {
  /// `search` slows at bucket 150; a release of `release` lands at `at` (search's own, or elsewhere).
  static func slowdown(release: String, at bucket: Int) -> Extraction {
    var extraction = SyntheticIncidents.lonelySlowdown()
    var change = SyntheticIncidents.signal(
      release, .changes, subject: "version=2.4.1", role: .change, unit: "events/s"
    ) {
      $0 == bucket ? 0.1 : 0
    }
    change.firstSeenMilliseconds = SyntheticIncidents.start + Int64(bucket) * SyntheticIncidents.step
    extraction.signals.append(change)
    return extraction
  }

  @Test(
    "a release of the service right before its own slowdown is the regression, with the change as trigger")
  func releaseBeforeSlowdown() {
    let document = IncidentAnalyzer.analyze(Self.slowdown(release: "search", at: 145), title: "t").document
    #expect(document.rootCause.kind == .deployRegression)
    #expect(document.rootCause.component == "search")
    #expect(document.rootCause.trigger?.contains("search") == true)
    #expect(document.chain.first?.role == "cause")
  }

  @Test("a harmless deploy of another service is never blamed")
  func harmlessDeployElsewhere() {
    let document = IncidentAnalyzer.analyze(Self.slowdown(release: "billing", at: 145), title: "t").document
    #expect(document.rootCause.component == "search")
    #expect(document.rootCause.kind == .serviceLatency)
    #expect(!document.hypotheses.contains { $0.kind == .deployRegression && $0.component == "billing" })
  }

  @Test("a release long after the service began to suffer is not its cause")
  func releaseAfterTheTrouble() {
    let document = IncidentAnalyzer.analyze(Self.slowdown(release: "search", at: 200), title: "t").document
    #expect(document.rootCause.kind == .serviceLatency)
  }
}
