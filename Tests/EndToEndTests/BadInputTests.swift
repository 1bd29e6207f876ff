import Analysis
import Foundation
import Testing

/// A damaged archive and a garbage file among good evidence: named in the report, counted, the rest analysed.
@Suite("Bad input among good evidence")
struct BadInputTests {
  @Test("a truncated .gz and a garbage file are reported by name and the rest is still analysed")
  func truncatedAndGarbage() throws {
    let fileManager = FileManager.default
    let work = try Bundles.temporaryDirectory()
    defer { try? fileManager.removeItem(at: work) }
    let bundle = work.appendingPathComponent("bundle")
    try fileManager.copyItem(
      at: Bundles.root.appendingPathComponent("Samples/shipping-latency-decoy"), to: bundle)

    let gz = try #require(
      fileManager.subpaths(atPath: bundle.path)?.sorted().first {
        $0.hasSuffix(".gz") && $0.contains("shipping")
      })
    let gzURL = bundle.appendingPathComponent(gz)
    let whole = try Data(contentsOf: gzURL)
    try whole.prefix(whole.count * 2 / 3).write(to: gzURL)
    var garbage = [UInt8]()
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<4096 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      garbage.append(UInt8(truncatingIfNeeded: state >> 33))
    }
    try Data(garbage).write(to: bundle.appendingPathComponent("core.bin"))

    let document = try Bundles.analyze(
      [bundle.path], title: "bad input", into: work.appendingPathComponent("report"))
    let quality = document.dataQuality
    #expect(quality.errors.contains { $0.contains(gz) && $0.contains("truncated") }, "\(quality.errors)")
    #expect(quality.errors.contains { $0.contains("core.bin") }, "\(quality.errors)")
    let truncated = try #require(quality.sources.first { $0.path.hasSuffix(gz) })
    #expect(truncated.records > 0, "lines before the fault are kept")
    #expect(document.rootCause.component == "shipping")
  }
}
