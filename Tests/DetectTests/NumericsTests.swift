import Testing

@testable import Detect

@Suite("Numerics under the detector")
struct NumericsTests {
  @Test(
    "selection finds the same median as sorting, with duplicates and even counts",
    arguments: [1, 2, 3, 10, 101, 1000])
  func medianMatchesSorting(count: Int) {
    var generator = SeededGenerator(seed: UInt64(count))
    for _ in 0..<20 {
      var values = (0..<count).map { _ in (generator.gaussian() * 3).rounded() }
      let sorted = values.sorted()
      let expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
      #expect(values.withUnsafeMutableBufferPointer { OrderStatistics.median($0) } == expected)
    }
  }

  @Test("the noise scale recovers σ of Gaussian noise, with or without level shifts and spikes")
  func noiseScaleGaussian() {
    let clean = SyntheticSeries.noise(count: 5000, level: 40, noise: 2, seed: 1)
    var shifted = clean
    for index in shifted.indices { shifted[index] += Double(index / 500 % 2) * 16 }
    for index in stride(from: 250, to: shifted.count, by: 500) { shifted[index] += 100 }
    for values in [clean, shifted] {
      #expect(abs(scale(values) - 2) < 0.1)
    }
  }

  @Test("the noise scale of small Poisson counts is near √mean, not rounded by the integer MAD")
  func noiseScalePoisson() {
    var generator = SeededGenerator(seed: 2)
    let counts = (0..<5000).map { _ in generator.poisson(mean: 2) }
    #expect(abs(scale(counts) - 2.0.squareRoot()) < 0.1)
  }

  @Test("a constant series has no noise; one with rare moves still has a positive scale")
  func noiseScaleDegenerate() {
    #expect(scale([Double](repeating: 3, count: 50)) == 0)
    #expect(scale([3]) == 0)
    var rare = [Double](repeating: 0, count: 100)
    rare[10] = 1
    rare[60] = 2
    #expect(scale(rare) > 0)
  }

  @Test("prefix sums keep segment means exact on a large offset")
  func prefixSumsOnLargeOffset() {
    let values = (0..<100_000).map { index in 1e9 + Double(index % 10) }
    let sums = values.withUnsafeBufferPointer { PrefixSums($0) }
    #expect(sums.mean(50_000..<50_010) == 1e9 + 4.5)
    #expect(sums.mean(0..<3) == 1e9 + 1)
  }

  private func scale(_ values: [Double]) -> Double {
    var scratch = [Double](repeating: 0, count: values.count)
    return values.withUnsafeBufferPointer { values in
      scratch.withUnsafeMutableBufferPointer {
        NoiseScale.ofDifferences(values, in: values.indices, scratch: $0)
      }
    }
  }
}
