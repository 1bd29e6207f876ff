import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, well-mixed generator, so every synthetic series is the
/// same on every machine and run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// Uniform on [0, 1) with 53 random bits.
  mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Standard normal by Box–Muller (one of the pair; simplicity over speed).
  mutating func gaussian() -> Double {
    let radius = (-2 * log(1 - uniform())).squareRoot()
    return radius * cos(2 * Double.pi * uniform())
  }

  /// Poisson by Knuth's product of uniforms: fine for the small means counts have here.
  mutating func poisson(mean: Double) -> Double {
    let limit = exp(-mean)
    var product = uniform()
    var count = 0.0
    while product > limit {
      count += 1
      product *= uniform()
    }
    return count
  }
}
