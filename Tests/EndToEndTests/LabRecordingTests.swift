import Formats
import Foundation
import Testing

/// Each lab recording's report against the fault the lab injected: the analyzer must name where it started,
/// what kind it is, who drove it and when (within one bucket), from real software's evidence alone.
@Suite("Lab recordings against their ground truth")
struct LabRecordingTests {
  @Test(
    "the root cause's component, kind, client and onset are the injected fault's", arguments: LabBundles.names
  )
  func rootCauseMatchesTruth(name: String) throws {
    let truth = try LabBundles.truth(name)
    let report = try LabBundles.report(name)
    let expectedOnset = try #require(Timestamp(rfc3339: truth.onset)).milliseconds
    let check = {
      #expect(report.rootCause.component == truth.component, "component")
      #expect(report.rootCause.kind == truth.kind, "kind")
      #expect(report.rootCause.client == truth.client, "client")
      let onset = try #require(Timestamp(rfc3339: report.rootCause.onset)).milliseconds
      let bucket = Int64(max(report.resolutionSeconds, report.rootCause.uncertaintySeconds ?? 0)) * 1000
      #expect(abs(onset - expectedOnset) <= bucket, "onset \(report.rootCause.onset) vs truth \(truth.onset)")
    }
    if let reason = LabBundles.knownIssues[name] {
      withKnownIssue(Comment(rawValue: reason)) { try check() }
    } else {
      try check()
    }
  }

  @Test(
    "each recording is one fault of a kind DESIGN names, inside its window, in at most 2 MB",
    arguments: LabBundles.names)
  func recordingIsWellFormed(name: String) throws {
    let truth = try LabBundles.truth(name)
    let kinds = [
      "connection-exhaustion", "lock-contention", "database-saturation", "database-unavailable",
      "dependency-failure", "deploy-regression", "traffic-surge", "resource-saturation",
    ]
    #expect(kinds.contains(truth.kind))
    let onset = try #require(Timestamp(rfc3339: truth.onset)).milliseconds
    let from = try #require(Timestamp(rfc3339: truth.window.from)).milliseconds
    let to = try #require(Timestamp(rfc3339: truth.window.to)).milliseconds
    #expect(
      from < onset && onset < to, "onset \(truth.onset) outside \(truth.window.from)…\(truth.window.to)")
    let sample = Bundles.root.appendingPathComponent("Samples/\(name)")
    var bytes = 0
    let enumerator = FileManager.default.enumerator(at: sample, includingPropertiesForKeys: [.fileSizeKey])
    while let url = enumerator?.nextObject() as? URL {
      bytes += try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
    }
    #expect(bytes > 0 && bytes <= 2 * 1024 * 1024, "\(name) holds \(bytes) bytes")
  }
}
