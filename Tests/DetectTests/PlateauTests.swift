import Detect
import Testing

@Suite("Plateau: a series pinned at a known limit")
struct PlateauTests {
  @Test("the plateau starts at the first of enough points within tolerance of the limit")
  func reachesLimit() {
    let connections: [Double] = [12, 40, 90, 130, 150, 151, 152, 151, 151]
    #expect(PointEvents.plateau(connections, limit: 151, tolerance: 1) == 4)
    #expect(PointEvents.plateau(connections, limit: 151, tolerance: 0, minimumLength: 2) == 7)
    #expect(PointEvents.plateau(connections, limit: 151, tolerance: 1, minimumLength: 5) == 4)
    #expect(PointEvents.plateau(connections, limit: 151, tolerance: 1, minimumLength: 6) == nil)
  }

  @Test("touching the limit and leaving it again is not a plateau")
  func touchAndLeave() {
    #expect(PointEvents.plateau([151, 140, 151, 151, 151], limit: 151, tolerance: 0) == 2)
    #expect(PointEvents.plateau([151, 140, 151, 120, 151], limit: 151, tolerance: 0) == nil)
  }

  @Test("gaps inside a plateau neither break nor lengthen it")
  func gaps() {
    #expect(PointEvents.plateau([100, 151, .nan, 151, 151], limit: 151, tolerance: 0) == 1)
    #expect(PointEvents.plateau([151, .nan, 151], limit: 151, tolerance: 0) == nil)
  }

  @Test("the scan starts at `from`, and any start is safe")
  func start() {
    let values: [Double] = [151, 151, 151, 0, 151, 151, 151]
    #expect(PointEvents.plateau(values, limit: 151, tolerance: 0, from: 1) == 4)
    #expect(PointEvents.plateau(values, limit: 151, tolerance: 0, from: 40) == nil)
    #expect(PointEvents.plateau(values, limit: 151, tolerance: 0, from: -1) == 0)
  }
}
