/// A sustained change in a series' level or spread, found offline.
public struct ChangePoint: Sendable, Equatable {
  public enum Direction: String, Sendable, Codable {
    case up, down
  }

  /// What changed: the level (the default), or only the spread around an unchanged level.
  public enum Kind: String, Sendable, Codable {
    case mean, variance
  }

  /// Index of the first value after the change.
  public var index: Int
  public var kind: Kind = .mean
  /// Level (mean) of the segment before and after the change; for a `.variance` change, the standard
  /// deviation around the level.
  public var before: Double
  public var after: Double
  /// The shift at the change in units of the noise around it — |after − before|, or between line segments
  /// the jump of the two lines at the change — over the robust σ of the two segments around it (raised
  /// for autocorrelation), or the SD within them when that is larger. For a `.variance` change, the larger
  /// SD over the smaller.
  public var effectSize: Double
  /// Which way the level moved at the change: between line segments (the default detector's), the sign of
  /// the lines' jump there, so a drop on a rising trend is `.down` though the later segment's mean is higher.
  public var direction: Direction
  /// 0…1: how far the change's cost improvement clears the penalty.
  public var confidence: Double
  /// Median of the segment before and after the change: the level to quote when a segment is skewed
  /// (latencies, counts). For a `.variance` change, the SDs again.
  public var beforeMedian: Double
  public var afterMedian: Double

  public init(
    index: Int, before: Double, after: Double, effectSize: Double, direction: Direction, confidence: Double
  ) {
    self.init(
      index: index, before: before, after: after, beforeMedian: before, afterMedian: after,
      effectSize: effectSize, direction: direction, confidence: confidence)
  }

  public init(
    index: Int, before: Double, after: Double, beforeMedian: Double, afterMedian: Double, effectSize: Double,
    direction: Direction, confidence: Double
  ) {
    self.index = index
    self.before = before
    self.after = after
    self.beforeMedian = beforeMedian
    self.afterMedian = afterMedian
    self.effectSize = effectSize
    self.direction = direction
    self.confidence = confidence
  }
}
