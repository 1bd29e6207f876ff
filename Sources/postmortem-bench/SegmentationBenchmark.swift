import ArgumentParser
import Detect
import Foundation

/// Wall time of one segmentation at 10k, 100k and 1M points, for the series kinds the detector meets: the
/// figures issue 5 asks for (100k points with a handful of changes under 1 s in release).
struct SegmentationBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "segmentation",
    abstract: "Time ChangePointDetector.segment on synthetic series of 10k, 100k and 1M points.",
    discussion: """
      Series: white noise with 5 level shifts; white noise alone; a random walk. Best of --runs.
      Last line: segmentation 10k <s> 100k <s> 1m <s> (the series with 5 shifts).
      """)

  @Option(help: "Runs per series; the best is reported.")
  var runs = 3

  func run() {
    let detector = ChangePointDetector()
    var headline: [String] = []
    for count in [10_000, 100_000, 1_000_000] {
      for kind in Kind.allCases {
        let values = kind.series(count: count)
        var changes = 0
        var best = Double.infinity
        for _ in 0..<max(1, runs) {
          let start = DispatchTime.now().uptimeNanoseconds
          changes = detector.segment(values).changePoints.count
          best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print("\(kind.rawValue), \(count) points: \(changes) changes, \(String(format: "%.4f", best)) s")
        if kind == .shifts { headline.append(String(format: "%.4f", best)) }
      }
    }
    print("segmentation 10k \(headline[0]) 100k \(headline[1]) 1m \(headline[2])")
  }

  enum Kind: String, CaseIterable {
    case shifts = "5 level shifts"
    case noise = "white noise"
    case walk = "random walk"

    func series(count: Int) -> [Double] {
      var generator = SplitMix(state: UInt64(count))
      var level = 0.0
      return (0..<count).map { index in
        switch self {
        case .shifts: return Double((index * 6 / count) % 3) * 2 + generator.gaussian()
        case .noise: return generator.gaussian()
        case .walk:
          level += generator.gaussian()
          return level
        }
      }
    }
  }

  /// SplitMix64, so every run times the same series.
  struct SplitMix {
    var state: UInt64

    mutating func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var mixed = state
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((mixed ^ (mixed >> 31)) >> 11) * 0x1.0p-53
    }

    mutating func gaussian() -> Double {
      (-2 * log(1 - uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
  }
}
