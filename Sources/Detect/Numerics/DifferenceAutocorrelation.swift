/// How strongly a series persists from point to point, read from its first differences before any
/// segmentation.
///
/// For AR(1) noise with coefficient φ the differences have lag-one autocorrelation r = −(1 − φ)/2, so
/// φ = 1 + 2r: −0.5 for white noise (φ = 0), 0 for a random walk (φ = 1), above 0 for smooth series whose
/// steps persist (φ > 1: trends, seasonal curves, smoothed data). A level shift moves one difference and a
/// spike two, and both are clipped, so unlike the residuals of a segmentation this estimate cannot be argued
/// down by an over-segmentation that fits the wander (a staircase of short steps leaves white-looking
/// residuals).
enum DifferenceAutocorrelation {
  /// The differences are clipped at this many of their robust SDs.
  static let clip = 2.5

  /// φ = 1 + 2r for the clipped, median-centred first differences of `values`, whose noise scale from
  /// differences is `scale` (see `NoiseScale.ofDifferences`); 0 when there are too few values or no spread.
  static func coefficient(_ values: UnsafeBufferPointer<Double>, scale: Double) -> Double {
    let count = values.count - 1
    guard count >= 3, scale > 0 else { return 0 }
    var differences = [Double](repeating: 0, count: count)
    let center = differences.withUnsafeMutableBufferPointer { differences in
      for index in 0..<count { differences[index] = values[index + 1] - values[index] }
      var copy = [Double](differences)
      return copy.withUnsafeMutableBufferPointer { OrderStatistics.median($0) }
    }
    // `scale` is σ of the values; their differences have SD σ·√2.
    let limit = clip * scale * 2.0.squareRoot()
    var lagged = 0.0
    var squares = 0.0
    var previous = 0.0
    for index in 0..<count {
      let current = min(max(differences[index] - center, -limit), limit)
      squares += current * current
      if index > 0 { lagged += previous * current }
      previous = current
    }
    guard squares > 0 else { return 0 }
    return 1 + 2 * lagged / squares
  }
}
