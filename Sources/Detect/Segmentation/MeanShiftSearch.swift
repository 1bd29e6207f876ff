/// Searches a series for changes in mean under a Gaussian cost with a robust, per-segment noise scale.
///
/// Splitting a segment of n points at t (n₁ = t − a before, n₂ = b − t after) lowers the cost
/// Σ (x − mean)² / σ² by the gain n₁·n₂/n · (mean₁ − mean₂)² / σ². A change is kept when that gain, taken
/// between its neighbouring changes, exceeds the penalty and its effect (see `effect`) is large enough.
///
/// Exact search (PELT) was measured far too slow here; binary segmentation over prefix sums takes
/// milliseconds, and its known weakness — a change placed for the first split stays put though later
/// splits move the optimum — is repaired by re-optimising each change between its neighbours, then
/// dropping changes that no longer pay for themselves (backward elimination), until nothing moves.
struct MeanShiftSearch {
  let sums: PrefixSums
  private let values: [Double]
  private let globalScale: Double
  /// Multiplies every segment's σ: the autocorrelation correction (see `ResidualAutocorrelation`).
  private let scaleInflation: Double
  private let scaleFloor: Double
  private let penalty: Double
  private let minimumLength: Int
  private let minimumEffect: Double
  /// When false, a split must also beat a straight line through its span (see `isStep`).
  private let trendsAreChanges: Bool
  /// Working space for medians, as long as `values`.
  private let workspace: Workspace

  /// Pseudo-differences of weight the series-wide σ carries in a segment's σ (see `NoiseScale.shrunk`).
  static let scalePriorWeight = 30.0
  /// Bounds on the refinement loops; each pass only moves changes to strictly better positions, and
  /// these are rarely reached.
  static let maximumRefinementPasses = 20
  static let maximumRounds = 20

  init(
    values: [Double], globalScale: Double, scaleInflation: Double, scaleFloor: Double, penalty: Double,
    minimumLength: Int, minimumEffect: Double, trendsAreChanges: Bool
  ) {
    self.trendsAreChanges = trendsAreChanges
    self.values = values
    self.sums = values.withUnsafeBufferPointer { PrefixSums($0) }
    self.globalScale = globalScale
    self.scaleInflation = scaleInflation
    self.scaleFloor = scaleFloor
    self.penalty = penalty
    self.minimumLength = minimumLength
    self.minimumEffect = minimumEffect
    self.workspace = Workspace(capacity: values.count)
  }

  /// Change positions (first index of each new segment), ascending.
  func changes() -> [Int] {
    var changes = binarySegmentation()
    for _ in 0..<Self.maximumRounds {
      refine(&changes)
      if !prune(&changes) { break }
    }
    return changes
  }

  /// How the change at `changes[position]` performs between the changes around it.
  func assess(_ changes: [Int], at position: Int) -> Assessment {
    let span = span(of: changes, at: position)
    let scale = scale(of: span)
    let split = changes[position]
    return Assessment(
      gain: gain(span, split: split, scale: scale), effect: effect(span, split: split, scale: scale),
      isStep: isStep(span, split: split))
  }

  struct Assessment {
    /// Cost improvement in units of σ².
    var gain: Double
    /// |mean₂ − mean₁| in noise units.
    var effect: Double
    /// Whether two levels fit the span better than a straight line (see `isStep`).
    var isStep: Bool
  }

  // MARK: Search

  /// Classic binary segmentation: split every segment at its best point while the gain beats the penalty.
  private func binarySegmentation() -> [Int] {
    var changes: [Int] = []
    var pending: [Range<Int>] = [0..<values.count]
    while let segment = pending.popLast() {
      guard segment.count >= 2 * minimumLength else { continue }
      let best = bestSplit(segment, scale: scale(of: segment))
      guard best.gain > penalty, isStep(segment, split: best.index) else { continue }
      changes.append(best.index)
      pending.append(segment.lowerBound..<best.index)
      pending.append(best.index..<segment.upperBound)
    }
    return changes.sorted()
  }

  /// Moves each change to its best position between its neighbours until none moves.
  private func refine(_ changes: inout [Int]) {
    for _ in 0..<Self.maximumRefinementPasses {
      var moved = false
      for position in changes.indices where reposition(&changes, at: position) {
        moved = true
      }
      if !moved { return }
    }
  }

  /// Re-optimises one change between its neighbours; true when it moved.
  private func reposition(_ changes: inout [Int], at position: Int) -> Bool {
    let span = span(of: changes, at: position)
    let scale = scale(of: span)
    let current = gain(span, split: changes[position], scale: scale)
    let best = bestSplit(span, scale: scale)
    // Strictly better only, so ties cannot make a change oscillate.
    guard best.gain > current * (1 + 1e-12), best.index != changes[position] else { return false }
    changes[position] = best.index
    return true
  }

  /// Removes, weakest first, the changes that fail the penalty or the minimum effect; true when any was
  /// removed. After each removal the two changes that now border each other are re-optimised.
  private func prune(_ changes: inout [Int]) -> Bool {
    var assessments = changes.indices.map { assess(changes, at: $0) }
    var removed = false
    while true {
      var weakest: Int?
      for position in changes.indices where !passes(assessments[position]) {
        if weakest.map({ assessments[position].gain < assessments[$0].gain }) ?? true {
          weakest = position
        }
      }
      guard let position = weakest else { return removed }
      removed = true
      changes.remove(at: position)
      assessments.remove(at: position)
      for neighbour in [position - 1, position] where changes.indices.contains(neighbour) {
        _ = reposition(&changes, at: neighbour)
      }
      for neighbour in (position - 2)...(position + 1) where changes.indices.contains(neighbour) {
        assessments[neighbour] = assess(changes, at: neighbour)
      }
    }
  }

  private func passes(_ assessment: Assessment) -> Bool {
    assessment.gain > penalty && assessment.effect >= minimumEffect && assessment.isStep
  }

  // MARK: Cost

  /// Two levels fit `segment` split at `split` better than one straight line through it: a change is a
  /// break, and a trend cut in two also lowers the cost by a lot (its halves' means differ by half its rise)
  /// without any break in it. A step loses little to the line's competition (a line explains ¾ of a
  /// centred step's variance, two levels all of it); on TCPD this test took the trending series (population,
  /// GDP) from a staircase to the annotators' few changes.
  private func isStep(_ segment: Range<Int>, split: Int) -> Bool {
    if trendsAreChanges { return true }
    let twoLevels =
      sums.squaredDeviation(segment.lowerBound..<split) + sums.squaredDeviation(split..<segment.upperBound)
    return twoLevels < sums.squaredDeviationFromLine(segment)
  }

  /// The segment a change splits: from the previous change (or the start) to the next (or the end).
  private func span(of changes: [Int], at position: Int) -> Range<Int> {
    let start = position > 0 ? changes[position - 1] : 0
    let end = position + 1 < changes.count ? changes[position + 1] : values.count
    return start..<end
  }

  /// σ of one segment, shrunk towards the series-wide σ, inflated for autocorrelation and floored.
  private func scale(of segment: Range<Int>) -> Double {
    let local = workspace.scale(of: segment) { scratch in
      values.withUnsafeBufferPointer { NoiseScale.ofDifferences($0, in: segment, scratch: scratch) }
    }
    let shrunk = NoiseScale.shrunk(
      local: local, differences: segment.count - 1, global: globalScale, priorWeight: Self.scalePriorWeight)
    return max(shrunk * scaleInflation, scaleFloor)
  }

  private func gain(_ segment: Range<Int>, split: Int, scale: Double) -> Double {
    let before = Double(split - segment.lowerBound)
    let after = Double(segment.upperBound - split)
    let shift = sums.mean(split..<segment.upperBound) - sums.mean(segment.lowerBound..<split)
    return before * after / Double(segment.count) * shift * shift / (scale * scale)
  }

  /// |mean₂ − mean₁| over the larger of σ and the pooled SD within the two segments: σ comes from
  /// differences, so on smooth, autocorrelated series it is far below how much the level wanders, and
  /// every wander would otherwise count as a shift.
  private func effect(_ segment: Range<Int>, split: Int, scale: Double) -> Double {
    let before = segment.lowerBound..<split
    let after = split..<segment.upperBound
    let pooled =
      (sums.squaredDeviation(before) + sums.squaredDeviation(after)) / Double(max(segment.count - 2, 1))
    return abs(sums.mean(after) - sums.mean(before)) / max(scale, pooled.squareRoot())
  }

  /// The split of `segment` with the largest gain, leaving `minimumLength` points on each side; the first
  /// such split on ties. `segment` must hold at least 2·minimumLength points.
  private func bestSplit(_ segment: Range<Int>, scale: Double) -> (index: Int, gain: Double) {
    let start = segment.lowerBound
    let count = Double(segment.count)
    var bestIndex = start + minimumLength
    var bestScore = -1.0
    sums.sums.withUnsafeBufferPointer { sums in
      let origin = sums[start]
      let total = sums[segment.upperBound] - origin
      for split in (start + minimumLength)...(segment.upperBound - minimumLength) {
        let before = Double(split - start)
        let after = count - before
        let sumBefore = sums[split] - origin
        let shift = (total - sumBefore) / after - sumBefore / before
        let score = before * after * shift * shift
        if score > bestScore {
          bestScore = score
          bestIndex = split
        }
      }
    }
    return (bestIndex, bestScore / count / (scale * scale))
  }
}
