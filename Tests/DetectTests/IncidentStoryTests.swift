import Detect
import Testing

/// The pieces of the connection-exhaustion story (DESIGN.md) on synthetic 10-second buckets: each helper
/// finds its moment, and the moments come in the order the story tells.
@Suite("A connection leak, bucket by bucket")
struct IncidentStoryTests {
  static let rampStart = 170
  static let limit = 151.0

  /// Connections: about 12, then a climb of ~4 per bucket from `rampStart` until `limit`, then pinned there
  /// (one over the limit at times, as an administrator's connection is allowed).
  func connections(seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<400).map { index in
      if index < Self.rampStart { return 12 + (2 * generator.gaussian()).rounded() }
      let climbing = 12 + 4 * Double(index - Self.rampStart + 1) + (2 * generator.gaussian()).rounded()
      return min(climbing, Self.limit + (generator.uniform() < 0.2 ? 1 : 0))
    }
  }

  @Test("the climb is a change, its onset is the leak's start, and the plateau follows", arguments: 1...5)
  func connectionExhaustion(seed: UInt64) throws {
    let values = connections(seed: seed)
    let first = try #require(ChangePointDetector().detect(values).first)
    #expect(first.direction == .up)
    let onset = PointEvents.rampOnset(values, changeIndex: first.index)
    let plateau = try #require(PointEvents.plateau(values, limit: Self.limit, tolerance: 1, minimumLength: 6))
    #expect(abs(onset - Self.rampStart) <= 3)
    #expect(onset <= first.index && first.index < plateau)
    #expect(abs(plateau - (Self.rampStart + 35)) <= 3)
  }

  @Test("errors that start once the pool is exhausted have their onset at the first error", arguments: 1...5)
  func errorOnset(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let errors = (0..<400).map { index in index < 210 ? 0 : generator.poisson(mean: 40) }
    #expect(PointEvents.firstNonZero(errors, minimumZeroRun: 30) == 210)
    let change = ChangePointDetector().detect(errors)
    #expect(change.map(\.index) == [210])
  }
}
