import Detect
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
