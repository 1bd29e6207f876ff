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
      .deletingLastPathComponent()  // DetectTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
    return packageRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/fixtures", isDirectory: true)
  }()

  static let turingChangePoints = root.appendingPathComponent("tcpd", isDirectory: true)

  static var hasTuringChangePoints: Bool {
    FileManager.default.fileExists(atPath: turingChangePoints.appendingPathComponent("annotations.json").path)
  }
}

/// One series of the Turing Change Point Dataset (van den Burg & Williams 2020), as `schema.json` describes.
struct TuringSeries: Decodable {
  struct Dimension: Decodable {
    var raw: [Double?]
  }

  var name: String
  var dimensions: Int
  var series: [Dimension]

  private enum CodingKeys: String, CodingKey {
    case name, series
    case dimensions = "n_dim"
  }

  /// The first dimension, missing values as NaN.
  var values: [Double] { series[0].raw.map { $0 ?? .nan } }

  static func load(_ name: String) throws -> TuringSeries {
    let url = Fixtures.turingChangePoints.appendingPathComponent("\(name).json")
    return try JSONDecoder().decode(TuringSeries.self, from: Data(contentsOf: url))
  }

  /// Annotator id → change points, per series name.
  static func annotations() throws -> [String: [String: [Int]]] {
    let url = Fixtures.turingChangePoints.appendingPathComponent("annotations.json")
    return try JSONDecoder().decode([String: [String: [Int]]].self, from: Data(contentsOf: url))
  }
}
