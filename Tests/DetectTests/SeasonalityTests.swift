import Foundation
import Testing

@testable import Detect

@Suite("A seasonal pattern is removed before the search, and only a real shift remains")
struct SeasonalityTests {
  /// A monthly sine of amplitude `amplitude` plus unit Gaussian noise, with `step` added from `stepAt` on.
  private func monthly(
    count: Int, amplitude: Double, step: Double = 0, stepAt: Int = .max, seed: UInt64
  ) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { index in
      let season = amplitude * sin(2 * Double.pi * Double(index % 12) / 12)
      return 100 + season + (index >= stepAt ? step : 0) + generator.gaussian()
    }
  }

  private func period(_ values: [Double]) -> Int? {
    var scratch = [Double](repeating: 0, count: values.count)
    let scale = values.withUnsafeBufferPointer { values in
      scratch.withUnsafeMutableBufferPointer {
        NoiseScale.ofDifferences(values, in: values.indices, scratch: $0)
      }
    }
    return values.withUnsafeBufferPointer { Seasonality.period($0, scale: scale) }
  }

  @Test(
    "a monthly pattern has period 12; white noise, a random walk and a short series have none",
    arguments: UInt64(1)...10)
  func periods(seed: UInt64) {
    #expect(period(monthly(count: 240, amplitude: 5, seed: seed)) == 12)
    #expect(period(monthly(count: 240, amplitude: 5, step: -4, stepAt: 130, seed: seed)) == 12)
    #expect(period(SyntheticSeries.noise(count: 500, seed: seed)) == nil)
    var generator = SeededGenerator(seed: seed)
    var level = 0.0
    #expect(
      period(
        (0..<500).map { _ in
          level += generator.gaussian()
          return level
        }) == nil)
    #expect(period(SyntheticSeries.noise(count: 15, seed: seed)) == nil)
  }

  @Test("removing the pattern leaves the noise around a constant level")
  func adjustment() {
    let values = monthly(count: 240, amplitude: 5, seed: 1)
    let adjusted = Seasonality.adjusted(values, period: 12)
    let mean = adjusted.reduce(0, +) / Double(adjusted.count)
    let deviation = (adjusted.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(adjusted.count - 1))
      .squareRoot()
    #expect(abs(mean - 100) < 0.2)
    #expect(deviation < 1.2)
  }

  @Test("a seasonal series has no change point of its own", arguments: UInt64(1)...10)
  func seasonOnly(seed: UInt64) {
    #expect(ChangePointDetector().detect(monthly(count: 240, amplitude: 5, seed: seed)).isEmpty)
  }

  @Test("a drop of four SDs in a seasonal series is its one change", arguments: UInt64(1)...10)
  func dropInSeason(seed: UInt64) throws {
    let values = monthly(count: 240, amplitude: 5, step: -4, stepAt: 130, seed: seed)
    let changes = ChangePointDetector().detect(values)
    try #require(changes.count == 1)
    #expect(abs(changes[0].index - 130) <= 2)
    #expect(changes[0].direction == .down)
  }
}
