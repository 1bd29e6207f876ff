import Analysis
import Formats
import Foundation
import SampleGenerator
import Testing

/// Each bundle's report against the ground truth its generator wrote: the causal chain must come from the data.
@Suite("Sample bundles against their ground truth")
struct GroundTruthTests {
  @Test(
    "each injected change is on the timeline within one bucket (or the signal's sampling interval)",
    arguments: Bundles.names)
  func timelineMatchesTruth(name: String) throws {
    let truth = try Bundles.truth(name)
    let document = try Bundles.fresh(name).document
    for event in truth.events {
      let expected = try #require(Timestamp(rfc3339: event.time)).milliseconds
      // The onset is the earliest entry of that kind: a later entry of the same kind must not rescue a miss.
      let entry = document.timeline.first { entry in
        entry.component == event.component && entry.signalKind.rawValue == event.signalKind
          && entry.change.rawValue == event.change && (event.subject == nil || entry.subject == event.subject)
      }
      let found = try #require(entry, "no timeline entry for \(event)")
      let actual = try #require(Timestamp(rfc3339: found.time)).milliseconds
      let tolerance = Int64(max(document.resolutionSeconds, found.uncertaintySeconds)) * 1000
      #expect(
        abs(actual - expected) <= tolerance,
        "\(event.component) \(event.signalKind) \(event.change): \(found.time) vs truth \(event.time)")
    }
  }

  @Test("the root cause is the injected one", arguments: Bundles.names)
  func rootCauseMatchesTruth(name: String) throws {
    let truth = try Bundles.truth(name)
    let document = try Bundles.fresh(name).document
    #expect(document.rootCause.component == truth.rootCause.component)
    #expect(document.rootCause.kind.rawValue == truth.rootCause.kind)
    #expect(document.rootCause.resource == truth.rootCause.resource)
    if let onset = truth.rootCause.onset.flatMap(Timestamp.init(rfc3339:)) {
      let found = try #require(Timestamp(rfc3339: document.rootCause.onset)).milliseconds
      let bucket = Int64(max(document.resolutionSeconds, document.rootCause.uncertaintySeconds ?? 0)) * 1000
      #expect(abs(found - onset.milliseconds) <= bucket, "onset \(document.rootCause.onset)")
    }
    for cause in truth.ruledOut {
      #expect(document.ruledOut.contains { $0.cause == cause }, "\(cause) is not ruled out")
    }
    for service in truth.collateral {
      #expect(
        document.chain.contains { $0.component == service && $0.role == "collateral" },
        "\(service) is not collateral")
    }
    if truth.rootCause.resource != nil {
      #expect(!document.ruledOut.contains { $0.cause == "database" }, "the blamed resource is also ruled out")
    }
    // Ruled-out causes carry their measurement, not just a verdict.
    let traffic = try #require(document.ruledOut.first { $0.cause == "traffic" })
    #expect(traffic.why.contains("req/s"))
    if let database = document.ruledOut.first(where: { $0.cause == "database" }) {
      #expect(database.why.contains("connections"))
    }
  }
}
