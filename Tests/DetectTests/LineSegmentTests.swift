import Testing

@testable import Detect

@Suite("Segments are lines by default: a trend is no change, a step on a trend is one")
struct LineSegmentTests {
  /// A straight line of `slope` per point from `level`, plus unit Gaussian noise, with `step` added from
  /// `stepAt` on.
  private func trend(
    count: Int, level: Double = 10, slope: Double, step: Double = 0, stepAt: Int = .max, seed: UInt64
  ) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { index in
      level + slope * Double(index) + (index >= stepAt ? step : 0) + generator.gaussian()
    }
  }

  @Test("a steady climb in white noise has no change point", arguments: UInt64(1)...10)
  func steadyTrend(seed: UInt64) {
    #expect(ChangePointDetector().detect(trend(count: 400, slope: 0.05, seed: seed)).isEmpty)
  }

  @Test("a drop of four SDs on a climbing trend is one change, where it happens", arguments: UInt64(1)...10)
  func stepOnTrend(seed: UInt64) throws {
    let values = trend(count: 400, slope: 0.05, step: -4, stepAt: 250, seed: seed)
    let changes = ChangePointDetector().detect(values)
    try #require(changes.count == 1)
    #expect(abs(changes[0].index - 250) <= 2)
    #expect(changes[0].direction == .down)
    #expect(changes[0].effectSize > 2)
  }

  @Test("the operational setting still reads a steady climb as change")
  func operationalTrend() {
    #expect(!ChangePointDetector.operational.detect(trend(count: 400, slope: 0.05, seed: 1)).isEmpty)
  }

  @Test("line fits from prefix sums match direct sums on a large offset", arguments: UInt64(1)...5)
  func lineFits(seed: UInt64) {
    let values = trend(count: 300, level: 1e6, slope: 0.3, step: 5, stepAt: 120, seed: seed)
    let sums = values.withUnsafeBufferPointer { PrefixSums($0) }
    for (range, part) in [
      (0..<300, 40..<90), (100..<250, 100..<101), (17..<18, 17..<18), (50..<200, 150..<200),
    ] {
      let indices = range.map(Double.init)
      let meanIndex = indices.reduce(0, +) / Double(range.count)
      let mean = range.map { values[$0] }.reduce(0, +) / Double(range.count)
      let spread = indices.map { ($0 - meanIndex) * ($0 - meanIndex) }.reduce(0, +)
      let slope =
        spread > 0 ? range.map { (Double($0) - meanIndex) * (values[$0] - mean) }.reduce(0, +) / spread : 0
      #expect(abs(sums.slope(range) - slope) < 1e-6)
      for index in [range.lowerBound, range.upperBound - 1, range.upperBound] {
        #expect(abs(sums.line(range, at: index) - (mean + slope * (Double(index) - meanIndex))) < 1e-4)
      }
      let around = part.map { index -> Double in
        let residual = values[index] - (mean + slope * (Double(index) - meanIndex))
        return residual * residual
      }.reduce(0, +)
      #expect(abs(sums.squaredDeviation(part, aroundLineOf: range) - around) < 1e-4 * max(1, around))
      if range.count > 2 {
        let direct = range.map { index -> Double in
          let residual = values[index] - (mean + slope * (Double(index) - meanIndex))
          return residual * residual
        }.reduce(0, +)
        #expect(abs(sums.squaredDeviationFromLine(range) - direct) < 1e-4 * max(1, direct))
      }
    }
  }
}
