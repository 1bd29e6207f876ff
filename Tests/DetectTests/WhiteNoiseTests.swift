import Testing

@testable import Detect

@Suite("The penalty keeps noise quiet")
struct WhiteNoiseTests {
  @Test(
    "Gaussian white noise of any length yields no change point",
    arguments: [50, 100, 200, 500, 1000, 2000, 5000])
  func gaussianNoise(count: Int) {
    let detector = ChangePointDetector()
    let found = (1...8).map { seed in
      detector.detect(
        SyntheticSeries.noise(count: count, level: 100, noise: 3, seed: UInt64(count) &* 31 &+ seed)
      )
      .count
    }
    #expect(found.allSatisfy { $0 == 0 })
  }

  @Test("the penalty approaches β·ln(n) on long series and is never below it")
  func penaltyShape() {
    for count in [6, 20, 50, 200, 1000, 100_000] {
      let base = 3.5 * naturalLogarithm(Double(count))
      let penalty = Penalty.value(count: count, scale: 3.5)
      #expect(penalty >= base)
      if count >= 100_000 { #expect(penalty < base * 1.01) }
    }
    #expect(Penalty.value(count: 50, scale: 3.5) > Penalty.value(count: 500, scale: 3.5))
  }
}
