import Foundation

/// The Turing Change Point Dataset as the fixtures hold it (van den Burg & Williams 2020): one `<name>.json`
/// per series (`schema.json`) and every annotator's change points in `annotations.json`.
struct TCPDDataset {
  /// One series: its dimensions with missing values interpolated, and the annotators' change points.
  struct Series {
    var name: String
    /// One array per dimension, all `count` long.
    var dimensions: [[Double]]
    /// Change points (0-based) per annotator, in annotator-id order.
    var annotations: [[Int]]
    var count: Int { dimensions.first?.count ?? 0 }
  }

  var series: [Series]

  /// Reads every series in `directory` that has annotations, in name order.
  init(directory: URL) throws {
    let annotationsURL = directory.appendingPathComponent("annotations.json")
    guard FileManager.default.fileExists(atPath: annotationsURL.path) else {
      throw TCPDError.missingFixtures(directory.path)
    }
    let annotations = try JSONDecoder().decode(
      [String: [String: [Int]]].self, from: Data(contentsOf: annotationsURL))
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") && $0 != "annotations.json" && $0 != "schema.json" }.sorted()
    series = try files.map { file in
      let url = directory.appendingPathComponent(file)
      let decoded = try JSONDecoder().decode(SeriesFile.self, from: Data(contentsOf: url))
      guard let byAnnotator = annotations[decoded.name] else {
        throw TCPDError.unannotated(decoded.name)
      }
      let ordered = byAnnotator.sorted { (Int($0.key) ?? 0, $0.key) < (Int($1.key) ?? 0, $1.key) }
      return Series(
        name: decoded.name, dimensions: decoded.series.map { Self.interpolated($0.raw) },
        annotations: ordered.map(\.value))
    }
  }

  /// Missing values filled by linear interpolation between their present neighbours (held flat before the
  /// first and after the last), as TCPDBench fills them before running any method.
  static func interpolated(_ raw: [Double?]) -> [Double] {
    let present = raw.indices.filter { raw[$0] != nil }
    guard let first = present.first, let last = present.last else {
      return [Double](repeating: 0, count: raw.count)
    }
    var values = [Double](repeating: 0, count: raw.count)
    for index in 0..<first { values[index] = raw[first]! }
    for index in last..<raw.count { values[index] = raw[last]! }
    for (left, right) in zip(present, present.dropFirst()) {
      let a = raw[left]!
      let b = raw[right]!
      for index in left..<right {
        values[index] = a + (b - a) * Double(index - left) / Double(right - left)
      }
    }
    return values
  }

  private struct SeriesFile: Decodable {
    struct Dimension: Decodable {
      var raw: [Double?]
    }
    var name: String
    var series: [Dimension]
  }
}

/// What can keep the TCPD benchmark from running.
enum TCPDError: Error, CustomStringConvertible {
  case missingFixtures(String)
  case unannotated(String)

  var description: String {
    switch self {
    case .missingFixtures(let path):
      "no TCPD fixtures at \(path) (annotations.json missing): pass the folder, or set POSTMORTEM_FIXTURES "
        + "to the folder that holds tcpd/"
    case .unannotated(let name):
      "series \(name) has no entry in annotations.json"
    }
  }
}
