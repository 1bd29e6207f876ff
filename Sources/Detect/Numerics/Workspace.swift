/// Working memory of one search: a scratch buffer for medians, and the σ of every segment estimated so far.
///
/// A class that owns raw memory rather than an `[Double]` in the search struct: the array, mutated from
/// inside closures over the struct's other arrays, was copied whole on every use (a third of the run time
/// on 10⁵ points). The cache matters as much: refinement and pruning ask for the same segments' σ over and
/// over, and each estimate is a selection over the segment.
final class Workspace {
  let buffer: UnsafeMutableBufferPointer<Double>
  private var scales: [Int: Double] = [:]
  private let keyStride: Int

  init(capacity: Int) {
    buffer = .allocate(capacity: max(capacity, 1))
    buffer.initialize(repeating: 0)
    keyStride = capacity + 1
  }

  deinit {
    buffer.deallocate()
  }

  /// The cached σ of `segment`, or `estimate()` stored for next time.
  func scale(of segment: Range<Int>, estimate: (UnsafeMutableBufferPointer<Double>) -> Double) -> Double {
    let key = segment.lowerBound * keyStride + segment.upperBound
    if let known = scales[key] { return known }
    let value = estimate(buffer)
    scales[key] = value
    return value
  }
}
