/// How well predicted change points agree with several human annotations of the same series, scored as
/// TCPDBench scores them (van den Burg & Williams 2020, `analysis/scripts/metrics.py`).
///
/// Index 0 counts as a change point in every annotation and in the prediction, so a prediction of no
/// changes still matches the start of the series: that is what gives the `zero` baseline its score.
public enum AnnotationScore {
  /// F1 with α = ½: precision against the union of all annotations, recall averaged over annotators,
  /// a prediction within `margin` points of a marked change matching it. 0 when there are no annotators.
  public static func f1(annotations: [[Int]], prediction: [Int], margin: Int = 5) -> Double {
    guard !annotations.isEmpty else { return 0 }
    let predicted = withStart(prediction)
    let union = withStart(annotations.flatMap { $0 })
    let precision = Double(truePositives(union, predicted, margin: margin)) / Double(predicted.count)
    let recall =
      annotations.reduce(0.0) { total, annotation in
        let marked = withStart(annotation)
        return total + Double(truePositives(marked, predicted, margin: margin)) / Double(marked.count)
      } / Double(annotations.count)
    guard precision + recall > 0 else { return 0 }
    return 2 * precision * recall / (precision + recall)
  }

  /// How many of `marked` find a prediction within `margin`, each taking the closest one still unused
  /// (the smaller index on ties), so no prediction matches twice.
  ///
  /// Marks are taken in ascending order. metrics.py walks a Python set, whose order is by hash slot: the same
  /// as ascending for the series lengths here, and the order only matters when two marks within 2·margin of
  /// each other compete for the same predictions.
  static func truePositives(_ marked: [Int], _ predicted: [Int], margin: Int) -> Int {
    var unused = predicted
    var matches = 0
    for mark in marked {
      var best: Int?
      for (position, candidate) in unused.enumerated() where abs(candidate - mark) <= margin {
        if let current = best {
          let distance = abs(candidate - mark)
          let bestDistance = abs(unused[current] - mark)
          if distance < bestDistance || (distance == bestDistance && candidate < unused[current]) {
            best = position
          }
        } else {
          best = position
        }
      }
      if let best {
        unused.remove(at: best)
        matches += 1
      }
    }
    return matches
  }

  /// The distinct change points with 0 added, ascending.
  static func withStart(_ changes: [Int]) -> [Int] {
    Array(Set(changes + [0])).sorted()
  }
}
