import Foundation
import Testing

/// `Reports/lab-*` holds what the README command writes for each lab recording, so a reader can browse what
/// Postmortem says about each kind of incident; POSTMORTEM_UPDATE_GOLDEN=1 rewrites them.
@Suite("Lab golden reports", .serialized)
struct LabGoldenReportTests {
  @Test(
    "the committed report of a lab recording is what a fresh run writes, byte for byte",
    arguments: LabBundles.names)
  func committedReportIsCurrent(name: String) throws {
    let fresh = try Bundles.fresh(name).directory
    let committed = Bundles.root.appendingPathComponent("Reports/\(name)")
    if ProcessInfo.processInfo.environment["POSTMORTEM_UPDATE_GOLDEN"] == "1" {
      try? FileManager.default.removeItem(at: committed)
      try FileManager.default.copyItem(at: fresh, to: committed)
    }
    let expected = try files(under: committed)
    let actual = try files(under: fresh)
    #expect(expected.keys.sorted() == actual.keys.sorted())
    for (path, bytes) in actual {
      #expect(expected[path] == bytes, "Reports/\(name)/\(path) differs from a fresh run")
    }
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
