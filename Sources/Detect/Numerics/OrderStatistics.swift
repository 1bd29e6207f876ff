/// Medians by selection: the noise scale and segment levels need several medians per series, and a
/// quickselect over a scratch buffer is linear where sorting a copy is not.
enum OrderStatistics {
  /// The median of `buffer` (mean of the two middle values for an even count); reorders `buffer`.
  static func median(_ buffer: UnsafeMutableBufferPointer<Double>) -> Double {
    let count = buffer.count
    guard count > 0 else { return .nan }
    let upper = count / 2
    select(buffer, rank: upper)
    let upperValue = buffer[upper]
    guard count % 2 == 0 else { return upperValue }
    // After selection everything left of `upper` is ≤ it, so the lower middle is their maximum.
    var lowerValue = buffer[0]
    for index in 1..<upper where buffer[index] > lowerValue {
      lowerValue = buffer[index]
    }
    return (lowerValue + upperValue) / 2
  }

  /// Median of `values[range]`, using `scratch` (at least `range.count` long) as working space.
  static func median(
    of values: UnsafeBufferPointer<Double>, in range: Range<Int>, scratch: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let window = UnsafeMutableBufferPointer(rebasing: scratch[0..<range.count])
    _ = window.initialize(fromContentsOf: values[range])
    return median(window)
  }

  /// Moves the element of rank `rank` to `buffer[rank]`, smaller ones before it and larger ones after.
  ///
  /// Hoare partitioning around a median-of-three pivot: runs of equal values (flat series, zero counts)
  /// split evenly instead of degrading to quadratic time.
  static func select(_ buffer: UnsafeMutableBufferPointer<Double>, rank: Int) {
    var low = 0
    var high = buffer.count - 1
    while high > low {
      let middle = low + (high - low) / 2
      if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
      if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
      if buffer[high] < buffer[middle] { buffer.swapAt(high, middle) }
      let pivot = buffer[middle]
      var left = low
      var right = high
      while left <= right {
        while buffer[left] < pivot { left += 1 }
        while buffer[right] > pivot { right -= 1 }
        if left <= right {
          buffer.swapAt(left, right)
          left += 1
          right -= 1
        }
      }
      if rank <= right {
        high = right
      } else if rank >= left {
        low = left
      } else {
        return
      }
    }
  }
}
