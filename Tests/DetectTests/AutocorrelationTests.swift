import Testing

@testable import Detect

@Suite("Autocorrelated noise is not read as a run of changes")
struct AutocorrelationTests {
  /// AR(1) noise x[t] = φ·x[t−1] + ε[t] with unit innovations.
  private func autoregressive(count: Int, phi: Double, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    var level = 0.0
    return (0..<count).map { _ in
      level = phi * level + generator.gaussian()
      return level
    }
  }

  @Test("AR(1) noise without a change yields none", arguments: [(0.3, 300), (0.6, 300), (0.6, 2000)])
  func noChangeInAutocorrelatedNoise(phi: Double, count: Int) {
    for seed in UInt64(1)...5 {
      #expect(ChangePointDetector().detect(autoregressive(count: count, phi: phi, seed: seed)).isEmpty)
    }
  }

  @Test("a step of six SDs in AR(1) noise is still found where it happens", arguments: UInt64(1)...5)
  func stepInAutocorrelatedNoise(seed: UInt64) throws {
    let phi = 0.6
    let shift = 6 / (1 - phi * phi).squareRoot()
    let values = autoregressive(count: 400, phi: phi, seed: seed).enumerated().map {
      $0.offset < 250 ? $0.element : $0.element + shift
    }
    let changes = ChangePointDetector().detect(values)
    try #require(changes.count == 1)
    #expect(abs(changes[0].index - 250) <= 3)
  }

  @Test("the residual correlation is near φ for AR(1) noise and near 0 for white noise with steps")
  func residualCorrelation() {
    let ar = autoregressive(count: 5000, phi: 0.6, seed: 1)
    #expect(abs(correlation(ar, changes: []) - 0.6) < 0.05)

    let pieces: [(length: Int, level: Double)] = [(1000, 0), (1000, 9), (1000, 2), (2000, 6)]
    let stepped = SyntheticSeries.steps(pieces, noise: 1, seed: 2)
    #expect(abs(correlation(stepped, changes: SyntheticSeries.boundaries(pieces))) < 0.05)
  }

  @Test("σ is inflated only when the correlation clearly exceeds its noise, and stays finite")
  func inflation() {
    #expect(ResidualAutocorrelation.scaleInflation(correlation: 0, count: 100) == 1)
    #expect(ResidualAutocorrelation.scaleInflation(correlation: 0.15, count: 100) == 1)
    let moderate = ResidualAutocorrelation.scaleInflation(correlation: 0.5, count: 10_000)
    #expect(abs(moderate - (1.48).squareRoot() / 0.52) < 1e-12)
    let walk = ResidualAutocorrelation.scaleInflation(correlation: 1, count: 10_000)
    #expect(walk.isFinite && walk > moderate)
  }

  private func correlation(_ values: [Double], changes: [Int]) -> Double {
    let sums = values.withUnsafeBufferPointer { PrefixSums($0) }
    return ResidualAutocorrelation.lagOne(values, changes: changes, sums: sums)
  }
}
