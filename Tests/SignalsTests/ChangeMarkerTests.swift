import Foundation
import Testing

@testable import Formats
@testable import Signals

@Suite("Change markers in service logs")
struct ChangeMarkerTests {
  @Test("every row's example is found by that row first, and names the row's version")
  func examples() {
    for (index, row) in ChangeMarkerPhrases.rows.enumerated() {
      let bytes = Array(row.example.utf8)
      let found = bytes.withUnsafeBytes { ChangeMarkerPhrases.row(in: $0) }
      #expect(found == index, "\(row.example): row \(found.map(String.init) ?? "none")")
      if row.marker == .version {
        #expect(
          bytes.withUnsafeBytes { ChangeMarkerPhrases.version(in: $0) } == row.version, "\(row.example)")
      }
    }
  }

  @Test("ordinary lines are no change markers")
  func unrelated() {
    for line in ["Starting Hikari pool", "GET /api/orders 200 12ms", "Started order 42 for user 7"] {
      #expect(Array(line.utf8).withUnsafeBytes { ChangeMarkerPhrases.row(in: $0) } == nil, "\(line)")
    }
  }

  @Test("a deploy's banners keep their versions apart: one change signal per version, cited")
  func versions() throws {
    let lines = [
      "2026-11-27 03:00:00.000  INFO 1 --- [main] c.e.ShippingApplication : Starting ShippingApplication v1.4.2 using Java 17.0.9 with PID 1",
      "2026-11-27 03:00:30.000  INFO 1 --- [main] c.e.Shipping : GET /calc 200",
      "2026-11-27 03:01:00.000  INFO 1 --- [main] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown. Waiting for active requests to complete",
      "2026-11-27 03:01:30.000  INFO 1 --- [main] c.e.Shipping : GET /calc 200",
      "2026-11-27 03:02:00.000  INFO 1 --- [main] c.e.ShippingApplication : Starting ShippingApplication v1.5.0 using Java 17.0.9 with PID 1",
      "2026-11-27 03:02:30.000  INFO 1 --- [main] c.e.Shipping : GET /calc 200",
    ]
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("changes-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(
      to: directory.appendingPathComponent("shipping.log"))
    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    let changes = extraction.signals.filter { $0.key.kind == .changes }
    #expect(Set(changes.compactMap(\.key.subject)) == ["version=1.4.2", "version=1.5.0", "restart"])
    let deploy = try #require(changes.first { $0.key.subject == "version=1.5.0" })
    #expect(deploy.role == .change && deploy.key.component == "shipping")
    #expect(deploy.examples.first?.text.contains("v1.5.0") == true)
  }
}
