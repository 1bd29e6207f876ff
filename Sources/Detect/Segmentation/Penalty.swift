/// The gain (in units of σ²) a change must exceed: β·ln(n), raised for the noise scale being an estimate.
///
/// With σ known, the largest split gain of white noise barely grows with n (its 99.8th percentile is
/// 14…18 for n = 50…5000), so β·ln(n) is BIC-like and grows slowly enough to keep power. But σ̂ is
/// estimated, and the gain scales with (σ/σ̂)², where σ̂²/σ² ≈ χ²_ν/ν. For a gain whose tail falls as
/// e^(−g/2), matching the tail of that ratio to the known-σ tail at P₀ = β·ln(n) gives
/// P = ν·(exp(P₀/ν) − 1) — the correction that turns a z threshold into a t threshold; it tends to P₀
/// as n grows.
enum Penalty {
  /// Effective degrees of freedom of σ̂ per difference. The spread of σ̂ alone implies ≈ 0.65; 0.25 also
  /// covers β·ln(n) being low for short series. Calibrated with β = 3.5 on seeded white noise of
  /// 20…2000 points: at most 1 change in 4000 Gaussian series per length, 2 in 2000 Poisson(2),
  /// 4 in 1000 Student-t₃.
  static let degreesOfFreedomPerDifference = 0.25

  /// The penalty for `count` values with BIC multiplier `scale` (β).
  static func value(count: Int, scale: Double) -> Double {
    let base = scale * naturalLogarithm(Double(max(count, 2)))
    let degreesOfFreedom = degreesOfFreedomPerDifference * Double(max(count - 1, 1))
    return degreesOfFreedom * (exponential(base / degreesOfFreedom) - 1)
  }
}
