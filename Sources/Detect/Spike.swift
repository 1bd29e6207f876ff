/// A point far from its neighbours that returns to their level at once: reported, but never a change.
public struct Spike: Sendable, Equatable {
  /// Index of the point in the series.
  public var index: Int
  /// The point's value.
  public var value: Double
  /// The running median around the point, which stood in for it during segmentation.
  public var baseline: Double

  public init(index: Int, value: Double, baseline: Double) {
    self.index = index
    self.value = value
    self.baseline = baseline
  }
}
