/// Prefix sums of a series and of its squares, so any segment's mean and spread cost a few loads.
///
/// The series is centred on its mean first and summed with Neumaier's compensation: a level of 10⁶ over
/// 10⁵ points would otherwise leave rounding error of the size of the differences we look for.
struct PrefixSums {
  /// `sums[i]` = Σ (values[j] − center) for j < i.
  let sums: [Double]
  /// `squares[i]` = Σ (values[j] − center)² for j < i.
  let squares: [Double]
  let center: Double
  /// `moments[i]` = Σ j·(values[j] − center) for j < i: with `sums`, the slope of a line fitted to a segment.
  let moments: [Double]

  init(_ values: UnsafeBufferPointer<Double>) {
    var mean = 0.0
    for value in values { mean += value }
    mean /= Double(max(values.count, 1))
    center = mean
    var sums = [Double](repeating: 0, count: values.count + 1)
    var squares = sums
    var moments = sums
    var sum = CompensatedSum()
    var square = CompensatedSum()
    var moment = CompensatedSum()
    for (index, value) in values.enumerated() {
      let term = value - mean
      sum.add(term)
      square.add(term * term)
      sums[index + 1] = sum.value
      squares[index + 1] = square.value
      moment.add(Double(index) * term)
      moments[index + 1] = moment.value
    }
    self.sums = sums
    self.squares = squares
    self.moments = moments
  }

  /// Mean of the values in `range` (not empty).
  func mean(_ range: Range<Int>) -> Double {
    (sums[range.upperBound] - sums[range.lowerBound]) / Double(range.count) + center
  }

  /// Σ (x − mean)² over `range` (not empty).
  func squaredDeviation(_ range: Range<Int>) -> Double {
    let sum = sums[range.upperBound] - sums[range.lowerBound]
    let squares = squares[range.upperBound] - squares[range.lowerBound]
    return max(0, squares - sum * sum / Double(range.count))
  }
}

extension PrefixSums {
  /// Σ (x − line)² over `range` (not empty) around the least-squares straight line through it.
  func squaredDeviationFromLine(_ range: Range<Int>) -> Double {
    let count = Double(range.count)
    guard range.count > 2 else { return 0 }
    let sum = sums[range.upperBound] - sums[range.lowerBound]
    let moment = moments[range.upperBound] - moments[range.lowerBound]
    let meanIndex = Double(range.lowerBound) + (count - 1) / 2
    let covariance = moment - meanIndex * sum
    let indexSpread = count * (count * count - 1) / 12
    return max(0, squaredDeviation(range) - covariance * covariance / indexSpread)
  }

  /// The least-squares line through `range` (not empty) as its value at `index`.
  func line(_ range: Range<Int>, at index: Int) -> Double {
    let count = Double(range.count)
    let meanIndex = Double(range.lowerBound) + (count - 1) / 2
    guard range.count > 1 else { return mean(range) }
    let sum = sums[range.upperBound] - sums[range.lowerBound]
    let moment = moments[range.upperBound] - moments[range.lowerBound]
    let slope = (moment - meanIndex * sum) / (count * (count * count - 1) / 12)
    return mean(range) + slope * (Double(index) - meanIndex)
  }
}

/// Neumaier's compensated running sum.
private struct CompensatedSum {
  private var sum = 0.0
  private var compensation = 0.0

  var value: Double { sum + compensation }

  mutating func add(_ term: Double) {
    let next = sum + term
    if abs(sum) >= abs(term) {
      compensation += (sum - next) + term
    } else {
      compensation += (term - next) + sum
    }
    sum = next
  }
}

extension PrefixSums {
  /// Slope of the least-squares line through `range`; 0 for fewer than two points.
  func slope(_ range: Range<Int>) -> Double {
    guard range.count > 1 else { return 0 }
    let count = Double(range.count)
    let meanIndex = Double(range.lowerBound) + (count - 1) / 2
    let sum = sums[range.upperBound] - sums[range.lowerBound]
    let moment = moments[range.upperBound] - moments[range.lowerBound]
    return (moment - meanIndex * sum) / (count * (count * count - 1) / 12)
  }
}

extension PrefixSums {
  /// Σ (x − line)² over `range` (not empty) around the least-squares line of `fitted`, a range that holds it.
  func squaredDeviation(_ range: Range<Int>, aroundLineOf fitted: Range<Int>) -> Double {
    let slope = slope(fitted)
    // The line as value at `range`'s first index plus slope per step; x measured from that line.
    let start = line(fitted, at: range.lowerBound) - center
    let count = Double(range.count)
    let sum = sums[range.upperBound] - sums[range.lowerBound]
    let square = squares[range.upperBound] - squares[range.lowerBound]
    let moment = moments[range.upperBound] - moments[range.lowerBound] - Double(range.lowerBound) * sum
    let offsets = count * (count - 1) / 2
    let offsetSquares = (count - 1) * count * (2 * count - 1) / 6
    let value =
      square - 2 * start * sum - 2 * slope * moment + start * start * count + 2 * start * slope * offsets
      + slope * slope * offsetSquares
    return max(0, value)
  }
}
