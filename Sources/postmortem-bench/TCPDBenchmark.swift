import ArgumentParser
import Detect
import Foundation

/// The change point engine on the Turing Change Point Dataset with default parameters, scored as TCPDBench
/// scores it, next to the `zero` baseline (no change points) under the same scorer.
struct TCPDBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tcpd",
    abstract: "Score the change point detector on the TCPD series (F1 with margin 5, covering metric).",
    discussion: """
      Missing values are interpolated linearly, as TCPDBench does. A multivariate series (run_log) is segmented
      dimension by dimension and its change points are the union of the dimensions'. The headline
      means are over the univariate series; the multivariate ones are listed and averaged separately.
      Last line: tcpd f1 <x> cover <y> zero-f1 <a> zero-cover <b> series <n> (univariate series).
      """)

  @Argument(
    help:
      "Folder with the TCPD series and annotations.json (default: $POSTMORTEM_FIXTURES/tcpd, else ../shared/fixtures/tcpd)."
  )
  var directory: String?

  @Option(help: "Write the detected change points as JSON: {\"series\": [indices…]}, 0-based.")
  var predictions: String?

  @Option(help: ArgumentHelp("Penalty multiplier β instead of the default, for sweeps.", visibility: .hidden))
  var penaltyScale: Double?

  func run() throws {
    let dataset = try TCPDDataset(directory: URL(fileURLWithPath: resolvedDirectory(), isDirectory: true))
    var detector = ChangePointDetector()
    if let penaltyScale { detector.penaltyScale = penaltyScale }
    var found: [String: [Int]] = [:]
    var univariate: [Scores] = []
    var multivariate: [Scores] = []
    print("series                    n  dim   f1     cover  zero-f1 zero-cover  changes")
    for series in dataset.series {
      let changes = Self.detect(series.dimensions, with: detector)
      found[series.name] = changes
      let scores = Scores(
        f1: AnnotationScore.f1(annotations: series.annotations, prediction: changes),
        cover: AnnotationScore.cover(
          annotations: series.annotations, prediction: changes, count: series.count),
        zeroF1: AnnotationScore.f1(annotations: series.annotations, prediction: []),
        zeroCover: AnnotationScore.cover(annotations: series.annotations, prediction: [], count: series.count)
      )
      if series.dimensions.count == 1 { univariate.append(scores) } else { multivariate.append(scores) }
      print(
        Self.pad(series.name, 22) + Self.pad(String(series.count), 6, right: true)
          + Self.pad(String(series.dimensions.count), 5, right: true) + "   " + Self.fixed(scores.f1) + "  "
          + Self.fixed(scores.cover) + "  " + Self.fixed(scores.zeroF1) + "    "
          + Self.fixed(scores.zeroCover)
          + "     " + changes.map(String.init).joined(separator: ","))
    }
    if let predictions {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try encoder.encode(found).write(to: URL(fileURLWithPath: predictions))
    }
    if !multivariate.isEmpty {
      let mean = Scores.mean(multivariate)
      print(
        "multivariate (\(multivariate.count), not in the headline): f1 \(Self.fixed(mean.f1)) cover "
          + "\(Self.fixed(mean.cover)) zero-f1 \(Self.fixed(mean.zeroF1)) zero-cover \(Self.fixed(mean.zeroCover))"
      )
      let all = Scores.mean(univariate + multivariate)
      print(
        "all (\(univariate.count + multivariate.count)): f1 \(Self.fixed(all.f1)) cover \(Self.fixed(all.cover)) "
          + "zero-f1 \(Self.fixed(all.zeroF1)) zero-cover \(Self.fixed(all.zeroCover))")
    }
    let mean = Scores.mean(univariate)
    print(
      "tcpd f1 \(Self.fixed(mean.f1)) cover \(Self.fixed(mean.cover)) zero-f1 \(Self.fixed(mean.zeroF1)) "
        + "zero-cover \(Self.fixed(mean.zeroCover)) series \(univariate.count)")
  }

  /// The change points of one series: on several dimensions, the union of each dimension's (the detector
  /// is scale-invariant, so standardising them first would change nothing).
  static func detect(_ dimensions: [[Double]], with detector: ChangePointDetector) -> [Int] {
    if dimensions.count == 1 { return detector.detect(dimensions[0]).map(\.index) }
    return Array(Set(dimensions.flatMap { detector.detect($0).map(\.index) })).sorted()
  }

  private func resolvedDirectory() -> String {
    if let directory { return directory }
    if let root = ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"] { return root + "/tcpd" }
    return "../shared/fixtures/tcpd"
  }

  private struct Scores {
    var f1, cover, zeroF1, zeroCover: Double

    static func mean(_ all: [Scores]) -> Scores {
      let count = Double(max(all.count, 1))
      return Scores(
        f1: all.reduce(0) { $0 + $1.f1 } / count, cover: all.reduce(0) { $0 + $1.cover } / count,
        zeroF1: all.reduce(0) { $0 + $1.zeroF1 } / count,
        zeroCover: all.reduce(0) { $0 + $1.zeroCover } / count)
    }
  }

  static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }

  static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
  }
}
