import Detect
import Foundation
import Testing

/// Timings, off by default (shared machines make wall-clock limits flaky): `DETECT_TIMINGS=1 swift test
/// --filter PerformanceTests` prints them; add `-c release` for the figures that matter.
@Suite(
  "Timings on 100 000 points", .enabled(if: ProcessInfo.processInfo.environment["DETECT_TIMINGS"] != nil),
  .serialized)
struct PerformanceTests {
  #if DEBUG
    static let limit = Duration.seconds(20)
  #else
    static let limit = Duration.seconds(1)
  #endif

  @Test(
    "segmentation of 100 000 points stays well under a second in release",
    arguments: ["white noise", "50 steps", "random walk"])
  func segmentation(kind: String) {
    let values = series(kind)
    let detector = ChangePointDetector()
    let clock = ContinuousClock()
    var changes = 0
    let best = (0..<3).map { _ in
      clock.measure { changes = detector.segment(values).changePoints.count }
    }.min()!
    print("\(kind): \(values.count) points, \(changes) changes, best of 3: \(best)")
    #expect(best < Self.limit)
  }

  private func series(_ kind: String) -> [Double] {
    switch kind {
    case "50 steps":
      let pieces = (0..<50).map { (length: 2000, level: Double($0 % 5) * 3) }
      return SyntheticSeries.steps(pieces, noise: 1, seed: 2)
    case "random walk":
      var generator = SeededGenerator(seed: 3)
      var level = 0.0
      return (0..<100_000).map { _ in
        level += generator.gaussian()
        return level
      }
    default:
      return SyntheticSeries.noise(count: 100_000, seed: 1)
    }
  }
}
