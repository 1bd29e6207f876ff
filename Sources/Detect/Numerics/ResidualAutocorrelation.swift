/// How strongly a series' deviations from its segment levels persist from one point to the next.
///
/// σ from first differences is the right noise scale for white noise only. When deviations persist
/// (autocorrelated metrics, slow drifts, trends cut into a staircase), a segment mean varies far more than
/// σ/√n suggests, and each wander would pass for a change. Measured on the residuals of a segmentation,
/// rather than on the raw differences, the estimate is not fooled by the changes themselves: a ramp or a run
/// of steps shifts the differences, but leaves the residuals of its own segments small.
enum ResidualAutocorrelation {
  /// Residuals are clipped at this many robust SDs, so a few large ones (a ramp's sawtooth) cannot
  /// dominate the estimate.
  static let clip = 2.5

  /// Lag-one autocorrelation of the clipped residuals of `values` around the means (or, with `lines`, the
  /// least-squares lines) of the segments that `changes` delimit, over pairs inside one segment; 0 when the
  /// residuals have no spread.
  static func lagOne(_ values: [Double], changes: [Int], sums: PrefixSums, lines: Bool = false) -> Double {
    let bounds = [0] + changes + [values.count]
    var residuals = [Double](repeating: 0, count: values.count)
    for (start, end) in zip(bounds, bounds.dropFirst()) where end > start {
      let segment = start..<end
      let mean = sums.mean(segment)
      for index in segment {
        residuals[index] = values[index] - (lines ? sums.line(segment, at: index) : mean)
      }
    }
    var magnitudes = residuals.map(abs)
    let spread =
      magnitudes.withUnsafeMutableBufferPointer { OrderStatistics.median($0) } / NoiseScale.madPerSigma
    guard spread > 0 else { return 0 }
    let limit = clip * spread
    var lagged = 0.0
    var squares = 0.0
    for (start, end) in zip(bounds, bounds.dropFirst()) where end > start {
      var previous = min(max(residuals[start], -limit), limit)
      squares += previous * previous
      for index in (start + 1)..<end {
        let current = min(max(residuals[index], -limit), limit)
        lagged += previous * current
        squares += current * current
        previous = current
      }
    }
    return squares > 0 ? lagged / squares : 0
  }

  /// The factor by which the differences' σ understates the noise of a level, for an AR(1) process with
  /// lag-one correlation ρ: differences give σₓ·√(1 − ρ), a level's noise is σₓ·√((1 + ρ)/(1 − ρ)).
  ///
  /// ρ is taken two standard errors (2/√n) below its estimate, so white noise keeps its full power, and
  /// capped below 1, where the series is a random walk and has no level to shift.
  static func scaleInflation(correlation: Double, count: Int) -> Double {
    let rho = min(correlation - 2 / Double(max(count, 1)).squareRoot(), 0.98)
    guard rho > 0 else { return 1 }
    return (1 + rho).squareRoot() / (1 - rho)
  }
}
