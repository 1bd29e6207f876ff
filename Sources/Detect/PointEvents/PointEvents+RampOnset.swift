extension PointEvents {
  /// Where the ramp leading to the change at `changeIndex` began; `changeIndex` itself when the change is
  /// a step.
  ///
  /// A mean-shift segmentation places a ramp's change about halfway up, but the story needs the moment the
  /// climb started (connections begin to pile up well before they hit the limit). The rule:
  /// 1. the baseline is the median of the earlier half of `values[start..<changeIndex]`, σ the robust noise
  ///    scale of that span — so `start` should be the previous change (or the series start), and the ramp
  ///    should take less than half the span;
  /// 2. walking back from `changeIndex − 1`, the points beyond baseline ± 2σ (on the side the series moves
  ///    to) form the ramp; fewer than two such points make it a step;
  /// 3. a straight line fitted to those points (three at least, with a clear slope) is extended back to
  ///    where it meets the baseline: the first index after that crossing is the onset. Stopping at the 2σ
  ///    crossing instead would place every onset late by 2σ / slope;
  /// 4. a line through few noisy points can reach far back, so the onset is never earlier than the points
  ///    just before the ramp that are still beyond the baseline itself.
  /// Works for falling ramps too.
  public static func rampOnset(_ values: [Double], changeIndex: Int, from start: Int = 0) -> Int {
    let lower = max(start, 0)
    guard lower < changeIndex, changeIndex < values.count else { return changeIndex }
    var indices: [Int] = []
    var levels: [Double] = []
    var magnitude = 0.0
    for index in lower..<changeIndex where values[index].isFinite {
      indices.append(index)
      levels.append(values[index])
      magnitude = max(magnitude, abs(values[index]))
    }
    let after = values[changeIndex...].lazy.filter(\.isFinite).prefix(3)
    guard levels.count >= 4, !after.isEmpty else { return changeIndex }

    var scratch = [Double](repeating: 0, count: levels.count)
    let baseline = median(Array(levels[0..<(levels.count + 1) / 2]))
    let scale = max(
      NoiseScale.floor(magnitude: magnitude),
      levels.withUnsafeBufferPointer { levels in
        scratch.withUnsafeMutableBufferPointer { scratch in
          NoiseScale.ofDifferences(levels, in: levels.indices, scratch: scratch)
        }
      })
    let direction: Double = median(Array(after)) >= baseline ? 1 : -1

    var first = levels.count
    while first > 0, direction * (levels[first - 1] - baseline) > 2 * scale {
      first -= 1
    }
    guard levels.count - first >= 2 else { return changeIndex }
    let rampStart = indices[first]
    var earliest = first
    while earliest > 0, direction * (levels[earliest - 1] - baseline) > 0 {
      earliest -= 1
    }
    guard levels.count - first >= 3 else { return indices[earliest] }

    let ramp = first..<levels.count
    let count = Double(ramp.count)
    let meanIndex = ramp.reduce(0.0) { $0 + Double(indices[$1]) } / count
    let meanLevel = ramp.reduce(0.0) { $0 + levels[$1] } / count
    var covariance = 0.0
    var variance = 0.0
    for position in ramp {
      let offset = Double(indices[position]) - meanIndex
      covariance += offset * (levels[position] - meanLevel)
      variance += offset * offset
    }
    let slope = covariance / variance
    // A run without a clear slope (under two standard errors) is already at the new level: the change was
    // placed late, and the run start is the onset.
    guard direction * slope > 2 * scale / variance.squareRoot() else { return rampStart }
    let crossing = meanIndex + (baseline - meanLevel) / slope
    // Clamped as a Double first: a nearly flat fit puts the crossing arbitrarily far back.
    let onset = Int(min(max(crossing.rounded(.down) + 1, Double(indices[earliest])), Double(rampStart)))
    return indices.first { $0 >= onset } ?? rampStart
  }

  private static func median(_ values: [Double]) -> Double {
    var values = values
    return values.withUnsafeMutableBufferPointer { OrderStatistics.median($0) }
  }
}
