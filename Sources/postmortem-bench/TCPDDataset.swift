import Detect
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
        name: decoded.name, dimensions: decoded.series.map { AnnotationScore.interpolated($0.raw) },
        annotations: ordered.map(\.value))
    }
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
