/// Finds where the spread of a series changes while its level does not: inside each level segment, the
/// residuals around the segment's mean are split where the Gaussian variance cost
/// n·ln(s²) − n₁·ln(s₁²) − n₂·ln(s₂²) falls most, by binary segmentation while that gain beats the penalty.
///
/// Run after the level search, on its residuals, so a level shift never reads as extra spread; reported
/// apart from level changes (`Segmentation.varianceChanges`), because what the rest of the product builds on
/// a change (before → after levels, a ramp's onset) means nothing for a spread.
struct VarianceShiftSearch {
  /// Fewer points than this give a variance too rough to compare: the log-variance of 10 Gaussian points
  /// has an SD of 0.47, a factor 1.6 in σ.
  static let minimumLength = 10
  /// The smallest ratio of the larger to the smaller SD reported, as the level search's minimum effect:
  /// on long series a trivially small change in spread would otherwise pay for itself.
  static let minimumRatio = 1.5

  let penalty: Double
  let scaleFloor: Double

  /// Variance changes inside the level segments that `changes` delimit in `values`, as (index, SD before,
  /// SD after, gain) in index order; the SDs are those between the neighbouring changes of either kind.
  func changes(_ values: [Double], levelChanges changes: [Int], sums: PrefixSums) -> [(
    index: Int, before: Double, after: Double, gain: Double
  )] {
    var squares = [Double](repeating: 0, count: values.count + 1)
    let bounds = [0] + changes + [values.count]
    for (start, end) in zip(bounds, bounds.dropFirst()) where end > start {
      let mean = sums.mean(start..<end)
      for index in start..<end {
        let residual = values[index] - mean
        squares[index + 1] = squares[index] + residual * residual
      }
    }
    var found: [(index: Int, before: Double, after: Double, gain: Double)] = []
    var pending = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    let floor = scaleFloor * scaleFloor
    func variance(_ range: Range<Int>) -> Double {
      max((squares[range.upperBound] - squares[range.lowerBound]) / Double(range.count), floor)
    }
    while let span = pending.popLast() {
      guard span.count >= 2 * Self.minimumLength else { continue }
      let whole = Double(span.count) * naturalLogarithm(variance(span))
      var best: (index: Int, gain: Double)?
      for split in (span.lowerBound + Self.minimumLength)...(span.upperBound - Self.minimumLength) {
        let before = span.lowerBound..<split
        let after = split..<span.upperBound
        let gain =
          whole - Double(before.count) * naturalLogarithm(variance(before)) - Double(after.count)
          * naturalLogarithm(variance(after))
        if gain > best?.gain ?? -.infinity { best = (split, gain) }
      }
      guard let best, best.gain > penalty else { continue }
      let before = variance(span.lowerBound..<best.index).squareRoot()
      let after = variance(best.index..<span.upperBound).squareRoot()
      guard max(before, after) >= Self.minimumRatio * min(before, after) else { continue }
      found.append((best.index, before, after, best.gain))
      pending.append(span.lowerBound..<best.index)
      pending.append(best.index..<span.upperBound)
    }
    let all = (bounds + found.map(\.index)).sorted()
    return found.sorted { $0.index < $1.index }.map { change in
      let position = all.firstIndex(of: change.index)!
      let before = variance(all[position - 1]..<change.index).squareRoot()
      let after = variance(change.index..<all[position + 1]).squareRoot()
      return (change.index, before, after, change.gain)
    }
  }
}
