/// The generator's only source of randomness: seeded, so the same seed writes the same bytes everywhere.
/// SplitMix64 (Steele, Lea & Flood 2014); the package's tests draw their corruptions from it too.
package struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  package init(seed: UInt64) {
    state = seed
  }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1).
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// Log-normal with the given median and shape, from Box–Muller (no platform `log`/`exp` differences
  /// matter here: only the committed files must be stable, and they are written on one platform).
  mutating func logNormal(median: Double, sigma: Double) -> Double {
    let u1 = max(unit(), 1e-12)
    let u2 = unit()
    let normal = (-2 * _log(u1)).squareRoot() * _cos(2 * .pi * u2)
    return median * _exp(sigma * normal)
  }

  /// Number of events in one second at `rate` per second (Poisson by inversion; rates here are small).
  mutating func poisson(_ rate: Double) -> Int {
    let limit = _exp(-rate)
    var product = unit()
    var count = 0
    while product > limit {
      count += 1
      product *= unit()
    }
    return count
  }
}

#if canImport(Glibc)
  import Glibc
  private func _log(_ x: Double) -> Double { Glibc.log(x) }
  private func _exp(_ x: Double) -> Double { Glibc.exp(x) }
  private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#elseif canImport(Darwin)
  import Darwin
  private func _log(_ x: Double) -> Double { Darwin.log(x) }
  private func _exp(_ x: Double) -> Double { Darwin.exp(x) }
  private func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
