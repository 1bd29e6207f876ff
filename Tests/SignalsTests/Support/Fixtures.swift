import Foundation

/// The shared real-data fixtures (`POSTMORTEM_FIXTURES`, else `../shared/fixtures` next to the package);
/// tests that read them are skipped when the folder is absent.
enum Fixtures {
  static let root: URL = {
    if let path = ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"] {
      return URL(fileURLWithPath: path, isDirectory: true)
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // SignalsTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
    return packageRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/fixtures", isDirectory: true)
  }()

  static let loghub = root.appendingPathComponent("loghub-2k", isDirectory: true)

  static var hasLoghub: Bool {
    FileManager.default.fileExists(atPath: loghub.appendingPathComponent("HDFS").path)
  }
}
