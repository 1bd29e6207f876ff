import Detect
import Foundation
import Testing

@Suite("Real series from the Turing Change Point Dataset", .enabled(if: Fixtures.hasTuringChangePoints))
struct TuringDatasetTests {
  @Test("the Nile's drop at the Aswan dam (1898) is its one change")
  func nile() throws {
    let series = try TuringSeries.load("nile")
    let changes = ChangePointDetector().detect(series.values)
    try #require(changes.count == 1)
    #expect(abs(changes[0].index - 28) <= 2)
    #expect(changes[0].direction == .down)
  }

  @Test("where four of five annotators mark the same single change, it is the one change found")
  func unanimousSingleChanges() throws {
    let annotations = try TuringSeries.annotations()
    var checked = 0
    for (name, byAnnotator) in annotations.sorted(by: { $0.key < $1.key }) {
      let singles = byAnnotator.values.filter { $0.count == 1 }.map { $0[0] }.sorted()
      let others = byAnnotator.values.filter { $0.count > 1 }
      guard singles.count >= 4, others.isEmpty, let low = singles.first, let high = singles.last,
        high - low <= 5
      else { continue }
      let series = try TuringSeries.load(name)
      guard series.dimensions == 1 else { continue }
      let changes = ChangePointDetector().detect(series.values)
      #expect(changes.count == 1, "\(name)")
      #expect(changes.allSatisfy { abs($0.index - singles[singles.count / 2]) <= 5 }, "\(name)")
      checked += 1
    }
    #expect(checked >= 2)
  }
}

@Suite("The TCPD benchmark's floor", .enabled(if: Fixtures.hasTuringChangePoints))
struct TuringBenchmarkFloorTests {
  @Test("default settings: mean F1 ≥ 0.74 and cover ≥ 0.70 on the univariate series, above the zero baseline")
  func floor() throws {
    let annotations = try TuringSeries.annotations()
    var f1: [Double] = []
    var cover: [Double] = []
    var zeroF1: [Double] = []
    var zeroCover: [Double] = []
    for (name, byAnnotator) in annotations.sorted(by: { $0.key < $1.key }) {
      // The annotations cover all of TCPD; the fixtures hold the series whose licences allow it.
      guard
        FileManager.default.fileExists(
          atPath: Fixtures.turingChangePoints.appendingPathComponent("\(name).json").path)
      else { continue }
      let series = try TuringSeries.load(name)
      guard series.dimensions == 1 else { continue }
      let values = AnnotationScore.interpolated(series.series[0].raw)
      let marks = byAnnotator.sorted { $0.key < $1.key }.map(\.value)
      let changes = ChangePointDetector().detect(values).map(\.index)
      f1.append(AnnotationScore.f1(annotations: marks, prediction: changes))
      cover.append(AnnotationScore.cover(annotations: marks, prediction: changes, count: values.count))
      zeroF1.append(AnnotationScore.f1(annotations: marks, prediction: []))
      zeroCover.append(AnnotationScore.cover(annotations: marks, prediction: [], count: values.count))
    }
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }
    #expect(f1.count >= 30)
    #expect(mean(f1) >= 0.74, "F1 \(mean(f1))")
    #expect(mean(cover) >= 0.70, "cover \(mean(cover))")
    #expect(mean(f1) > mean(zeroF1) && mean(cover) > mean(zeroCover))
  }
}
