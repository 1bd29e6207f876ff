/// Robust estimates of a series' noise standard deviation σ.
///
/// Estimated from first differences: a level shift moves one difference, not half the series, so the
/// estimate stays near σ whatever the changes are (the differences of N(μ, σ²) noise are N(0, 2σ²)).
enum NoiseScale {
  /// MAD of N(0, 1) is Φ⁻¹(3/4).
  static let madPerSigma = 0.674_489_750_196_081_7
  /// Mean absolute deviation of N(0, 1) is √(2/π).
  static let meanAbsoluteDeviationPerSigma = (2 / Double.pi).squareRoot()
  /// Huber's clipping point, in σ of the differences.
  static let clip = 2.5
  /// E[min(Z², clip²)] for Z ~ N(0, 1): what the clipped mean square is of a unit-variance Gaussian.
  static let clippedSecondMoment = 0.977_559_983_452_806_9
  static let maximumIterations = 50

  /// σ from the first differences of `values[range]`, or 0 when the range is constant or too short.
  ///
  /// The MAD of the differences starts Huber's proposal-2 M-estimate of scale (the root-mean-square of the
  /// differences clipped at 2.5 σ, iterated). The MAD alone is robust but noisy on short series (a relative
  /// SD of 0.18 at n = 50, twice the clipped estimate's spread), and it jumps on small counts, where the
  /// differences are integers (26 % low for Poisson(2) counts); the clipped estimate is continuous and as
  /// efficient as the plain SD while bounding what each step change or spike can add. When more than half
  /// the differences are equal (a flat series with rare moves, sparse counts) the MAD is 0, and the mean
  /// absolute deviation, less robust but non-zero, is the estimate.
  static func ofDifferences(
    _ values: UnsafeBufferPointer<Double>, in range: Range<Int>, scratch: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let count = range.count - 1
    guard count >= 1 else { return 0 }
    let deviations = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
    for offset in 0..<count {
      let index = range.lowerBound + offset
      deviations[offset] = values[index + 1] - values[index]
    }
    let center = OrderStatistics.median(deviations)
    var absoluteSum = 0.0
    for offset in 0..<count {
      let deviation = abs(deviations[offset] - center)
      deviations[offset] = deviation
      absoluteSum += deviation
    }
    let mad = OrderStatistics.median(deviations)
    guard mad > 0 else {
      return absoluteSum / Double(count) / meanAbsoluteDeviationPerSigma / 2.0.squareRoot()
    }
    var scale = mad / madPerSigma
    for _ in 0..<maximumIterations {
      let limit = clip * scale
      var clippedSquares = 0.0
      for deviation in deviations {
        let clipped = min(deviation, limit)
        clippedSquares += clipped * clipped
      }
      let next = (clippedSquares / Double(count) / clippedSecondMoment).squareRoot()
      // σ to four digits is ample for a threshold; the iteration converges linearly, so this saves passes.
      let converged = abs(next - scale) <= 1e-4 * scale
      scale = next
      if converged { break }
    }
    return scale / 2.0.squareRoot()
  }

  /// The smallest σ the detector works with: far below any real noise, yet large enough that rounding
  /// residue in a constant series never reads as a change.
  static func floor(magnitude: Double) -> Double {
    max(magnitude * 1e-9, 1e-150)
  }

  /// A segment's σ: its own estimate shrunk towards the series-wide one by `priorWeight` pseudo-differences,
  /// so a short segment's noisy estimate cannot make noise look significant, while a long segment whose
  /// noise differs from the rest (variance changes, counts whose spread grows with their level) is judged
  /// by its own noise.
  static func shrunk(local: Double, differences: Int, global: Double, priorWeight: Double) -> Double {
    let weight = Double(max(differences, 0))
    return ((weight * local * local + priorWeight * global * global) / (weight + priorWeight)).squareRoot()
  }
}
