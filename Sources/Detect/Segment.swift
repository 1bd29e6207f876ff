/// A stretch of a series between two changes, with its level.
public struct Segment: Sendable, Equatable {
  /// Indices covered, gaps included; the segments of a series tile it without overlap.
  public var range: Range<Int>
  /// Mean and median of the segment's values (spikes replaced by their baseline, gaps left out).
  public var mean: Double
  public var median: Double

  public init(range: Range<Int>, mean: Double, median: Double) {
    self.range = range
    self.mean = mean
    self.median = median
  }
}
