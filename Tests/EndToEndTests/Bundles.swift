import Analysis
import Foundation
import Report
import SampleGenerator
import Signals
import Synchronization
import Testing

/// The committed sample bundles, analysed the way the README's command analyses them.
enum Bundles {
  /// The package root, found from this file's path so tests do not depend on the working directory.
  static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  static let names = ["robot-shop-db-exhaustion", "shipping-latency-decoy"]

  static func truth(_ name: String) throws -> GroundTruth {
    let data = try Data(contentsOf: root.appendingPathComponent("Samples/\(name).truth.json"))
    return try JSONDecoder().decode(GroundTruth.self, from: data)
  }

  /// Runs extraction, analysis and the writer on `paths` into `directory`, then reads back `rca.json`:
  /// the tests check the contract file, not the Markdown.
  static func analyze(
    _ paths: [String], title: String, into directory: URL, options: ExtractionOptions = ExtractionOptions()
  ) throws -> RCADocument {
    let extraction = SignalExtractor.extract(paths: paths, options: options)
    let result = IncidentAnalyzer.analyze(extraction, title: title)
    try ReportWriter.write(result, to: directory.path)
    let data = try Data(contentsOf: directory.appendingPathComponent("rca.json"))
    return try JSONDecoder().decode(RCADocument.self, from: data)
  }

  /// Each bundle analysed once per test run, as the README command does (from the package root, relative
  /// paths, the bundle's name as title), into a fresh directory that the golden test compares with `Reports/`.
  static func fresh(_ name: String) throws -> (directory: URL, document: RCADocument) {
    if let cached = cache.withLock({ $0[name] }) { return cached }
    #expect(FileManager.default.changeCurrentDirectoryPath(root.path))
    let directory = try temporaryDirectory()
    let document = try analyze(["Samples/\(name)"], title: name, into: directory)
    cache.withLock { $0[name] = (directory, document) }
    return (directory, document)
  }

  private static let cache = Mutex<[String: (directory: URL, document: RCADocument)]>([:])

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "postmortem-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
