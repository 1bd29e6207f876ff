/// Everything the detector found in one series.
public struct Segmentation: Sendable, Equatable {
  /// Level changes (`.mean`) in index order.
  public var changePoints: [ChangePoint]
  /// Changes of spread without a change of level (`.variance`), in index order: apart from `changePoints`,
  /// because before → after levels and ramp onsets mean nothing for them.
  public var varianceChanges: [ChangePoint]
  /// The levels between the changes, in index order; empty when the series has no values.
  public var segments: [Segment]
  /// Isolated outliers, left out of the segmentation, in index order.
  public var spikes: [Spike]
  /// The series-wide noise scale σ that effect sizes and spikes are measured in.
  public var noiseScale: Double
  /// The gain (in units of σ²) a change had to exceed.
  public var penalty: Double

  public init(
    changePoints: [ChangePoint], varianceChanges: [ChangePoint] = [], segments: [Segment], spikes: [Spike],
    noiseScale: Double, penalty: Double
  ) {
    self.changePoints = changePoints
    self.varianceChanges = varianceChanges
    self.segments = segments
    self.spikes = spikes
    self.noiseScale = noiseScale
    self.penalty = penalty
  }
}
