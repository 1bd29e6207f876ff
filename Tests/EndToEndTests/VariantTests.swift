import Analysis
import Formats
import Foundation
import SampleGenerator
import Testing

/// The sample incidents again with other service names, fault timings and days: the root cause must follow
/// the data, never the samples' names.
@Suite("Generated variants against their ground truth")
struct VariantTests {
  @Test(
    "a renamed, retimed incident gets its own origin, kind, client and onset",
    arguments: Scenario.all.map(\.name))
  func variant(of name: String) throws {
    let variant = try #require(Scenario.named(name)).variant(seed: 7)
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let truth = try BundleWriter(scenario: variant, seed: 7).write(to: directory.path)
    let output = directory.appendingPathComponent("report")
    let document = try Bundles.analyze(
      [directory.appendingPathComponent(variant.name).path], title: variant.name, into: output)
    #expect(!["shipping", "ratings"].contains(truth.rootCause.component))
    #expect(document.rootCause.component == truth.rootCause.component)
    #expect(document.rootCause.kind.rawValue == truth.rootCause.kind)
    if truth.rootCause.kind == "connection-exhaustion" {
      #expect(document.rootCause.client == truth.rootCause.component)
    }
    let expected = try #require(truth.rootCause.onset.flatMap(Timestamp.init(rfc3339:))).milliseconds
    let found = try #require(Timestamp(rfc3339: document.rootCause.onset)).milliseconds
    let bucket = Int64(max(document.resolutionSeconds, document.rootCause.uncertaintySeconds ?? 0)) * 1000
    #expect(
      abs(found - expected) <= bucket, "onset \(document.rootCause.onset) vs \(truth.rootCause.onset ?? "")")
  }
}
