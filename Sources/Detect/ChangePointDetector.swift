/// Offline change point detection on one series.
///
/// PLACEHOLDER: to be implemented (binary segmentation on prefix sums with a robust penalty).
public struct ChangePointDetector: Sendable {
  /// The fewest points a segment may have.
  public var minimumSegmentLength: Int

  public init(minimumSegmentLength: Int = 3) {
    self.minimumSegmentLength = minimumSegmentLength
  }

  /// Change points of `values` in index order. NaN values are gaps: they are ignored, not read as zero.
  public func detect(_ values: [Double]) -> [ChangePoint] {
    []
  }
}
