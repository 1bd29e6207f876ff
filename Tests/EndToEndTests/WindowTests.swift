import Analysis
import Formats
import Foundation
import Signals
import Testing

@Suite("Analysis window")
struct WindowTests {
  @Test("--from/--to narrow the window, and the records left out are counted, not lost silently")
  func explicitWindow() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let from = try #require(Timestamp(rfc3339: "2026-11-28T14:10:00Z")).milliseconds
    let to = try #require(Timestamp(rfc3339: "2026-11-28T14:40:00Z")).milliseconds
    let document = try Bundles.analyze(
      [Bundles.root.appendingPathComponent("Samples/shipping-latency-decoy").path], title: "window",
      into: directory, options: ExtractionOptions(from: from, to: to))
    #expect(document.window.from == "2026-11-28T14:10:00Z")
    #expect(document.window.to == "2026-11-28T14:40:00Z")
    #expect(document.dataQuality.recordsOutsideWindow > 0)
    #expect(document.timeline.allSatisfy { $0.time >= document.window.from && $0.time < document.window.to })
    #expect(document.rootCause.component == "shipping")
  }
}
