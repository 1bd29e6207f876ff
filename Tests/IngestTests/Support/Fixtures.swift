import Foundation

/// The shared real-data fixtures: `POSTMORTEM_FIXTURES`, else `../shared/fixtures` beside the package.
enum Fixtures {
  static let root: String = {
    if let given = ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"], !given.isEmpty {
      return given
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // IngestTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
    return packageRoot.appendingPathComponent("../shared/fixtures").standardizedFileURL.path
  }()

  static var available: Bool {
    FileManager.default.fileExists(atPath: root)
  }
}
