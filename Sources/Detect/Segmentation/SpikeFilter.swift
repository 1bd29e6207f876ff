/// Finds spikes — runs of at most `maximumLength` points far from their neighbours — and replaces them
/// with the local median before segmentation.
///
/// The minimum segment length alone does not stop a tall spike: a segment of the spike plus one or two
/// ordinary points still has a mean far from the rest. A running median over 2·L + 1 points removes any
/// run of ≤ L points yet keeps steps and ramps intact, so it separates the two cleanly.
struct SpikeFilter {
  /// Longest run of outlying points taken as a spike; 0 disables the filter.
  var maximumLength: Int
  /// How far (in σ) from the running median a point must be to count as part of a spike.
  var threshold: Double

  /// Replaces the spikes in `values` by their running median and returns them as (index, value,
  /// baseline) in index order.
  func removeSpikes(from values: inout [Double], scale: Double) -> [(
    index: Int, value: Double, baseline: Double
  )] {
    let width = 2 * maximumLength + 1
    guard maximumLength > 0, values.count >= width else { return [] }
    let original = values
    var found: [(index: Int, value: Double, baseline: Double)] = []
    var window = [Double](repeating: 0, count: width)
    let limit = threshold * scale
    original.withUnsafeBufferPointer { source in
      window.withUnsafeMutableBufferPointer { window in
        for index in source.indices {
          // Windows are shifted, not cut, at the ends: a spike in the first or last points still meets a
          // majority of ordinary ones.
          let start = min(max(index - maximumLength, 0), source.count - width)
          let baseline = OrderStatistics.median(of: source, in: start..<(start + width), scratch: window)
          if abs(source[index] - baseline) > limit {
            found.append((index, source[index], baseline))
            values[index] = baseline
          }
        }
      }
    }
    return found
  }
}
