import Foundation
import Testing

@testable import Formats
@testable import Signals

@Suite("Outbound call failures")
struct OutboundCallTests {
  @Test("every phrase row's example is found by that row first, and names the row's host")
  func examples() {
    for (index, row) in OutboundCallPhrases.rows.enumerated() {
      let bytes = Array(row.example.utf8)
      let found = bytes.withUnsafeBytes { OutboundCallPhrases.row(in: $0) }
      #expect(found == index, "\(row.example): row \(found.map(String.init) ?? "none")")
      let host = bytes.withUnsafeBytes { OutboundTarget.host(in: $0) }
      #expect(host == row.host, "\(row.example): \(host ?? "no host")")
    }
  }

  @Test("lines that are not outbound failures match no row")
  func unrelated() {
    for line in [
      "Started ShippingApplication in 4.2 seconds", "GET /api/orders 200 12ms",
      "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
    ] {
      #expect(Array(line.utf8).withUnsafeBytes { OutboundCallPhrases.row(in: $0) } == nil, "\(line)")
    }
  }

  @Test("timeouts that differ by a zone field are one dependency's failures, named by host, cited")
  func groupedByHost() throws {
    var lines: [String] = []
    for second in 0..<120 {
      let time = String(format: "2026-11-27 03:%02d:%02d.000", second / 60, second % 60)
      lines.append("\(time)  INFO 1 --- [main] c.e.Cart : GET /cart 200")
      if second >= 60 {
        let zone = ["eu-1", "us-2", "ap-3"][second % 3]
        lines.append(
          "\(time) ERROR 1 --- [main] c.e.Cart : I/O error on GET request for \"http://catalogue:8080/items/\(second)\": "
            + "Read timed out; zone=\(zone) attempt=\(second % 7)")
      }
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outbound-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(
      to: directory.appendingPathComponent("cart.log"))
    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    let outbound = extraction.signals.filter { $0.key.kind == .outboundErrors }
    #expect(outbound.count == 1, "\(outbound.map(\.name))")
    let signal = try #require(outbound.first)
    #expect(
      signal.key.component == "cart" && signal.resource == "catalogue" && signal.key.subject == "catalogue")
    #expect(signal.examples.count == 3 && signal.examples.allSatisfy { $0.text.contains("catalogue") })
    let total = signal.values.filter { !$0.isNaN }.reduce(0, +) * Double(extraction.stepMilliseconds) / 1000
    #expect(total >= 50, "the minute of failures counted together: \(total)")
  }
}
