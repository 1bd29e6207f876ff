import Detect
import Testing

/// The worked checks of TCPDBench's scorer (`fixtures/tcpd/SCORING.md`, from its metrics.py) and covers
/// worked out by hand.
@Suite("Scoring predictions against several annotators, as TCPDBench does")
struct AnnotationScoreTests {
  @Test("[10, 20] against four annotators scores F1 1: every prediction is within 5 of a mark")
  func perfectF1() {
    let annotations = [[10, 20], [11, 20], [10], [0, 5]]
    #expect(AnnotationScore.f1(annotations: annotations, prediction: [10, 20]) == 1)
  }

  @Test("no prediction scores 0.8 when one annotator marks nothing: the start index 0 counts for all")
  func emptyPrediction() {
    let f1 = AnnotationScore.f1(annotations: [[], [10], [50]], prediction: [])
    #expect(abs(f1 - 0.8) < 1e-12)
  }

  @Test("a prediction 6 points off matches nothing; each prediction matches one mark at most")
  func margin() {
    // P = 1/2 (only 0 matches), R = 1/2 → F1 = 1/2.
    #expect(abs(AnnotationScore.f1(annotations: [[30]], prediction: [36]) - 0.5) < 1e-12)
    // Two marks 2 apart and one prediction: P = 2/2, R = 2/3 → F1 = 0.8.
    #expect(abs(AnnotationScore.f1(annotations: [[30, 32]], prediction: [31]) - 0.8) < 1e-12)
  }

  @Test("cover of a 10-point series, annotated at 5, predicted at 4: (5·4/5 + 5·5/6) / 10")
  func coverByHand() {
    let cover = AnnotationScore.cover(annotations: [[5]], prediction: [4], count: 10)
    #expect(abs(cover - (5.0 * 4 / 5 + 5.0 * 5 / 6) / 10) < 1e-12)
  }

  @Test("cover averages the annotators, and no prediction covers an unannotated series fully")
  func coverAverages() {
    // Annotator 1 marks nothing: cover 1. Annotator 2 marks 5 in 10 points: each half meets the whole
    // series, Jaccard 5/10 → 0.5. Mean 0.75.
    let cover = AnnotationScore.cover(annotations: [[], [5]], prediction: [], count: 10)
    #expect(abs(cover - 0.75) < 1e-12)
    #expect(AnnotationScore.cover(annotations: [[3, 7]], prediction: [3, 7], count: 10) == 1)
  }

  @Test("change points outside the series are ignored by the cover, as metrics.py's partition ignores them")
  func outOfRange() {
    #expect(AnnotationScore.cover(annotations: [[0, 12]], prediction: [40], count: 10) == 1)
  }
}
