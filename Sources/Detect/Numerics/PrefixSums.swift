/// Prefix sums of a series, so any segment's sum (and mean) costs two loads.
///
/// The series is centred on its mean first and summed with Neumaier's compensation: a level of 10⁶ over
/// 10⁵ points would otherwise leave rounding error of the size of the differences we look for.
struct PrefixSums {
  /// `sums[i]` = Σ (values[j] − center) for j < i.
  let sums: [Double]
  let center: Double

  init(_ values: UnsafeBufferPointer<Double>) {
    var mean = 0.0
    for value in values { mean += value }
    mean /= Double(max(values.count, 1))
    center = mean
    var sums = [Double](repeating: 0, count: values.count + 1)
    var sum = 0.0
    var compensation = 0.0
    for (index, value) in values.enumerated() {
      let term = value - mean
      let next = sum + term
      if abs(sum) >= abs(term) {
        compensation += (sum - next) + term
      } else {
        compensation += (term - next) + sum
      }
      sum = next
      sums[index + 1] = sum + compensation
    }
    self.sums = sums
  }

  /// Mean of the values in `range` (not empty).
  func mean(_ range: Range<Int>) -> Double {
    (sums[range.upperBound] - sums[range.lowerBound]) / Double(range.count) + center
  }
}
