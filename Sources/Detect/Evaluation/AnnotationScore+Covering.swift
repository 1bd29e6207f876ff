extension AnnotationScore {
  /// The covering metric averaged over annotators: for each annotated segment, the best Jaccard index
  /// (shared points over joint points) any predicted segment reaches, weighted by the segment's length,
  /// over a series of `count` points. Change points outside 1..<count are ignored, as metrics.py's
  /// partition ignores them. 0 when there are no annotators or no points.
  public static func cover(annotations: [[Int]], prediction: [Int], count: Int) -> Double {
    guard !annotations.isEmpty, count > 0 else { return 0 }
    let predicted = segments(prediction, count: count)
    let total = annotations.reduce(0.0) { total, annotation in
      var covered = 0.0
      for segment in segments(annotation, count: count) {
        var best = 0.0
        for other in predicted where other.overlaps(segment) {
          let shared = min(segment.upperBound, other.upperBound) - max(segment.lowerBound, other.lowerBound)
          let joint = max(segment.upperBound, other.upperBound) - min(segment.lowerBound, other.lowerBound)
          best = max(best, Double(shared) / Double(joint))
        }
        covered += Double(segment.count) * best
      }
      return total + covered / Double(count)
    }
    return total / Double(annotations.count)
  }

  /// The partition of 0..<count that `changes` cut it into.
  static func segments(_ changes: [Int], count: Int) -> [Range<Int>] {
    let bounds = [0] + withStart(changes).filter { $0 > 0 && $0 < count } + [count]
    return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
  }
}
