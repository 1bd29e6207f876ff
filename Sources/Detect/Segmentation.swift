/// Everything the detector found in one series.
public struct Segmentation: Sendable, Equatable {
  /// Changes in index order.
  public var changePoints: [ChangePoint]
  /// The levels between the changes, in index order; empty when the series has no values.
  public var segments: [Segment]
  /// Isolated outliers, left out of the segmentation, in index order.
  public var spikes: [Spike]
  /// The series-wide noise scale σ that effect sizes and spikes are measured in.
  public var noiseScale: Double
  /// The gain (in units of σ²) a change had to exceed.
  public var penalty: Double

  public init(
    changePoints: [ChangePoint], segments: [Segment], spikes: [Spike], noiseScale: Double, penalty: Double
  ) {
    self.changePoints = changePoints
    self.segments = segments
    self.spikes = spikes
    self.noiseScale = noiseScale
    self.penalty = penalty
  }
}
