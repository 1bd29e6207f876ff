/// Offline change point detection on one series: where its level shifts and stays.
///
/// The series is cut where its level jumps — between straight-line segments by default, between constant
/// levels when trends are changes — under a Gaussian cost whose noise scale σ is a robust estimate from
/// first differences (see `MeanShiftSearch`). A change must
/// - improve the cost by more than a penalty of `penaltyScale` · ln(n) (in units of σ², n = values present;
///   `linePenaltyFactor` times that between lines), raised on short series where σ is poorly known (see
///   `Penalty`): the defaults were chosen so that seeded white noise of 20…5000 points yields no change;
/// - leave `minimumSegmentLength` points on each side;
/// - shift the level (the lines jump) by at least `minimumEffectSize` noise units, so a tiny shift over a
///   long series does not fire.
/// When the residuals around the levels or lines found are autocorrelated, σ is raised and the search
/// repeated (see `ResidualAutocorrelation`). Isolated outliers (runs of up to `maximumSpikeLength` points)
/// are reported as spikes and replaced by their running median before the search, so a spike never becomes
/// a change.
public struct ChangePointDetector: Sendable {
  /// The fewest points a segment may have.
  public var minimumSegmentLength: Int
  /// β in the penalty β · ln(n) before its short-series correction.
  public var penaltyScale: Double = 3.5
  /// The smallest effect size (the shift at the change in noise units, see `ChangePoint.effectSize`)
  /// reported.
  public var minimumEffectSize: Double = 1
  /// Longest run of outlying points treated as a spike rather than a segment; 0 turns spikes off.
  public var maximumSpikeLength: Int = 2
  /// Distance (in σ) from the running median beyond which a point is a spike.
  public var spikeThreshold: Double = 6
  /// Whether a steady trend or a smooth wander counts as change. Off (the default), as TCPD's annotators
  /// read series: every segment is a straight line, so a change is where the lines jump (see
  /// `MeanShiftSearch`), with a penalty raised by `linePenaltyFactor`; a seasonal pattern is removed first
  /// (see `Seasonality`: segment levels are then those of the adjusted series), and σ is raised for
  /// persistent differences (see `search`). On for operational signals (`operational`), where a resource
  /// climbing steadily (a leak) is exactly the change to report, and σ stays the noise of the differences,
  /// raised only for autocorrelated residuals.
  public var trendsAreChanges = false

  /// Multiplies the penalty when segments are lines: a break between lines frees a level and a slope, a step
  /// between levels only a level, so lines fit noise more closely. The smallest round factor that keeps the
  /// seeded null series of the tests (white noise, Poisson and t₃ noise, AR(1) with φ ≤ 0.6, a spread that
  /// triples) free of level changes. On TCPD (with seasons removed) 1.0, 1.3 and 1.5 score F1 0.793, 0.788
  /// and 0.776, cover 0.730, 0.720 and 0.704.
  static let linePenaltyFactor = 1.3

  /// Searches repeated with a larger σ for autocorrelation, at most.
  static let maximumInflationRounds = 3

  public init(minimumSegmentLength: Int = 3) {
    self.minimumSegmentLength = minimumSegmentLength
  }

  /// The setting for operational signals (buckets of rates, latencies, connection counts): segments of 3
  /// buckets at least, and a steady climb is a change, since a leak's ramp is the onset an RCA needs.
  public static var operational: ChangePointDetector {
    var detector = ChangePointDetector(minimumSegmentLength: 3)
    detector.trendsAreChanges = true
    return detector
  }

  /// Level changes of `values` in index order (variance changes are in `segment(_:)`). NaN values are gaps:
  /// they are ignored, not read as zero.
  public func detect(_ values: [Double]) -> [ChangePoint] {
    segment(values).changePoints
  }

  /// Changes, segment levels and spikes of `values`. Non-finite values (NaN, ±∞) are gaps: the search runs
  /// on the values present and reports indices into `values`.
  public func segment(_ values: [Double]) -> Segmentation {
    var positions: [Int] = []
    var present: [Double] = []
    positions.reserveCapacity(values.count)
    present.reserveCapacity(values.count)
    var magnitude = 0.0
    for (index, value) in values.enumerated() where value.isFinite {
      positions.append(index)
      present.append(value)
      magnitude = max(magnitude, abs(value))
    }
    guard !present.isEmpty else {
      return Segmentation(changePoints: [], segments: [], spikes: [], noiseScale: 0, penalty: 0)
    }

    let floor = NoiseScale.floor(magnitude: magnitude)
    var rawScale = max(floor, Self.noiseScale(present))
    // Seasons are read off evenly spaced points only: with gaps the phases would slip.
    if !trendsAreChanges, present.count == values.count,
      let period = present.withUnsafeBufferPointer({ Seasonality.period($0, scale: rawScale) })
    {
      present = Seasonality.adjusted(present, period: period)
      rawScale = max(floor, Self.noiseScale(present))
    }
    let filter = SpikeFilter(maximumLength: max(0, maximumSpikeLength), threshold: spikeThreshold)
    let spikes = filter.removeSpikes(from: &present, scale: rawScale).map {
      Spike(index: positions[$0.index], value: $0.value, baseline: $0.baseline)
    }
    let scale = spikes.isEmpty ? rawScale : max(floor, Self.noiseScale(present))
    let basePenalty = Penalty.value(count: present.count, scale: penaltyScale)
    let penalty = trendsAreChanges ? basePenalty : basePenalty * Self.linePenaltyFactor

    let (search, changes) = search(present, scale: scale, floor: floor, penalty: penalty)
    let segments = Self.segments(of: present, at: changes, positions: positions, count: values.count, search)
    let changePoints = changes.indices.map { position in
      let assessment = search.assess(changes, at: position)
      let before = segments[position]
      let after = segments[position + 1]
      return ChangePoint(
        index: positions[changes[position]], before: before.mean, after: after.mean,
        beforeMedian: before.median, afterMedian: after.median, effectSize: assessment.effect,
        direction: assessment.jump >= 0 ? .up : .down,
        confidence: Self.confidence(gain: assessment.gain, penalty: penalty))
    }
    let spreads = VarianceShiftSearch(penalty: basePenalty, scaleFloor: floor).changes(
      present, levelChanges: changes, sums: search.sums)
    let varianceChanges = spreads.map { change in
      var point = ChangePoint(
        index: positions[change.index], before: change.before, after: change.after,
        effectSize: max(change.before, change.after) / max(min(change.before, change.after), floor),
        direction: change.after >= change.before ? .up : .down,
        confidence: Self.confidence(gain: change.gain, penalty: basePenalty))
      point.kind = .variance
      return point
    }
    return Segmentation(
      changePoints: changePoints, varianceChanges: varianceChanges, segments: segments, spikes: spikes,
      noiseScale: scale, penalty: penalty)
  }

  /// 1 − exp(−(gain − penalty) / penalty): 0 at the threshold, 0.63 when the gain is twice the penalty,
  /// 0.95 at four times — how clearly the change clears the bar, not a calibrated probability.
  static func confidence(gain: Double, penalty: Double) -> Double {
    guard penalty > 0 else { return 1 }
    return min(1, max(0, 1 - exponential(-(gain - penalty) / penalty)))
  }

  /// The changes of the (gap-free, de-spiked) `values`, and the search that found them.
  ///
  /// σ from differences measures the noise of white series only; a segment level of a persistent series
  /// wanders by far more, so σ is raised (see `ResidualAutocorrelation.scaleInflation`) by the persistence
  /// of the differences (`DifferenceAutocorrelation`), then by that of the residuals around the changes
  /// found, for a few rounds; it only ever grows. When the differences persist beyond a random walk's
  /// (φ ≥ 1: trends, smooth curves, seasons) that persistence is the series' shape rather than its noise, and
  /// σ never exceeds the series' standard deviation (around its line, when segments are lines): with no
  /// change at all that is the noise's own estimate, so a larger σ would make any change unprovable, and
  /// for a smooth or trending series it is the scale on which a human reads a shift. Below φ = 1 the
  /// persistence is that of stationary noise and its AR(1) correction applies in full: capped at the SD,
  /// line segments fit the wander of AR(1) noise with φ = 0.6 (the SD allows half the correction there).
  /// Each round searches afresh: pruning the previous changes instead was faster but kept more of them.
  private func search(
    _ values: [Double], scale: Double, floor: Double, penalty: Double
  ) -> (MeanShiftSearch, [Int]) {
    let minimumLength = max(1, minimumSegmentLength)
    func search(inflation: Double) -> MeanShiftSearch {
      MeanShiftSearch(
        values: values, globalScale: scale, scaleInflation: inflation, scaleFloor: floor, penalty: penalty,
        minimumLength: minimumLength, minimumEffect: minimumEffectSize, trendsAreChanges: trendsAreChanges)
    }
    guard values.count >= 2 * minimumLength else { return (search(inflation: 1), []) }
    let persistence = values.withUnsafeBufferPointer {
      DifferenceAutocorrelation.coefficient($0, scale: scale)
    }
    var inflation =
      trendsAreChanges
      ? 1 : ResidualAutocorrelation.scaleInflation(correlation: persistence, count: values.count)
    var current = search(inflation: 1)
    let whole = 0..<values.count
    let deviation =
      trendsAreChanges
      ? (current.sums.squaredDeviation(whole) / Double(values.count - 1)).squareRoot()
      : (current.sums.squaredDeviationFromLine(whole) / Double(max(values.count - 2, 1))).squareRoot()
    let ceiling = trendsAreChanges || persistence < 1 ? .infinity : max(1, deviation / scale)
    inflation = min(inflation, ceiling)
    if inflation > 1 { current = search(inflation: inflation) }
    var changes = current.changes()
    for _ in 0..<Self.maximumInflationRounds where !changes.isEmpty {
      let correlation = ResidualAutocorrelation.lagOne(
        values, changes: changes, sums: current.sums, lines: !trendsAreChanges)
      let next = min(
        ResidualAutocorrelation.scaleInflation(correlation: correlation, count: values.count), ceiling)
      guard next > inflation * 1.05 else { break }
      inflation = next
      current = search(inflation: inflation)
      changes = current.changes()
    }
    return (current, changes)
  }

  /// The segments between `changes` (positions in `values`), with ranges in the original series of
  /// `count` points, gaps included.
  private static func segments(
    of values: [Double], at changes: [Int], positions: [Int], count: Int, _ search: MeanShiftSearch
  ) -> [Segment] {
    var scratch = [Double](repeating: 0, count: values.count)
    let bounds = [0] + changes + [values.count]
    return zip(bounds, bounds.dropFirst()).map { start, end in
      let median = values.withUnsafeBufferPointer { values in
        scratch.withUnsafeMutableBufferPointer { scratch in
          OrderStatistics.median(of: values, in: start..<end, scratch: scratch)
        }
      }
      let range = (start == 0 ? 0 : positions[start])..<(end == values.count ? count : positions[end])
      return Segment(range: range, mean: search.sums.mean(start..<end), median: median)
    }
  }

  private static func noiseScale(_ values: [Double]) -> Double {
    var scratch = [Double](repeating: 0, count: values.count)
    return values.withUnsafeBufferPointer { values in
      scratch.withUnsafeMutableBufferPointer { scratch in
        NoiseScale.ofDifferences(values, in: values.indices, scratch: scratch)
      }
    }
  }
}
