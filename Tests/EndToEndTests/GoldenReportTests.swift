import Foundation
import Testing

/// `Reports/` holds exactly what the README's command writes; set POSTMORTEM_UPDATE_GOLDEN=1 to rewrite it.
@Suite("Golden reports", .serialized)
struct GoldenReportTests {
  @Test("the committed report is what the README command produces, byte for byte", arguments: Bundles.names)
  func committedReportIsCurrent(name: String) throws {
    let fileManager = FileManager.default
    let fresh = try Bundles.fresh(name).directory
    let committed = Bundles.root.appendingPathComponent("Reports/\(name)")
    if ProcessInfo.processInfo.environment["POSTMORTEM_UPDATE_GOLDEN"] == "1" {
      try? fileManager.removeItem(at: committed)
      try fileManager.copyItem(at: fresh, to: committed)
    }
    let expected = try files(under: committed)
    let actual = try files(under: fresh)
    #expect(expected.keys.sorted() == actual.keys.sorted())
    for (path, bytes) in actual {
      #expect(expected[path] == bytes, "Reports/\(name)/\(path) differs from a fresh run")
    }
  }

  @Test("two runs on the same inputs give identical bytes")
  func deterministic() throws {
    let first = try Bundles.temporaryDirectory()
    let second = try Bundles.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    let input = Bundles.root.appendingPathComponent("Samples/\(Bundles.names[0])").path
    _ = try Bundles.analyze([input], title: "determinism", into: first)
    _ = try Bundles.analyze([input], title: "determinism", into: second)
    #expect(try files(under: first) == files(under: second))
  }

  private func files(under directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let url = directory.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[path] = try Data(contentsOf: url)
      }
    }
    return result
  }
}
