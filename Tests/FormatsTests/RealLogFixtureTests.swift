import Foundation
import Ingest
import Testing

@testable import Formats

/// Real system logs (loghub-2k) are in none of the supported formats: detection must say so rather than
/// misread them. They also exercise the recognisers on 28,000 real lines of many shapes.
@Suite("Real logs of other formats", .enabled(if: RealLogFixtures.directory != nil))
struct RealLogFixtureTests {
  @Test("no loghub system log is mistaken for a supported format", arguments: RealLogFixtures.loghubFiles)
  func notMistaken(path: String) {
    var reader = SourceReader(source: Source(path: path))
    #expect(throws: FormatError.unrecognized(path: path)) { try reader.read { _, _ in } }
  }
}

enum RealLogFixtures {
  /// `POSTMORTEM_FIXTURES`, else `../shared/fixtures` beside the package root; nil when absent.
  static let directory: String? = {
    let path =
      ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"]
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()

  static let loghubFiles: [String] = {
    guard let directory else { return [] }
    let root = directory + "/loghub-2k"
    let systems = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return systems.sorted().compactMap { system in
      let path = "\(root)/\(system)/\(system)_2k.log"
      return FileManager.default.fileExists(atPath: path) ? path : nil
    }
  }()
}
