import Detect
import Testing

@Suite("First non-zero: when something new starts")
struct FirstNonZeroTests {
  @Test("the first positive value after a run of zeros is the onset")
  func afterZeros() {
    #expect(PointEvents.firstNonZero([0, 0, 0, 2, 0, 5]) == 3)
    #expect(PointEvents.firstNonZero([0, 0, 0, 2, 0, 5], minimumZeroRun: 3) == 3)
    #expect(PointEvents.firstNonZero([0, 0, 0, 2, 0, 5], minimumZeroRun: 4) == nil)
  }

  @Test("a count present from the first point has no onset until it stops and starts again")
  func presentFromTheStart() {
    #expect(PointEvents.firstNonZero([1, 3, 2]) == nil)
    #expect(PointEvents.firstNonZero([1, 0, 0, 3]) == 3)
    #expect(PointEvents.firstNonZero([1, 0, 0, 3], minimumZeroRun: 0) == 0)
  }

  @Test("gaps neither count as zeros nor break a run of them")
  func gaps() {
    #expect(PointEvents.firstNonZero([0, .nan, 0, 4], minimumZeroRun: 2) == 3)
    #expect(PointEvents.firstNonZero([.nan, .nan, 4]) == nil)
  }

  @Test("the scan starts at `from`, and any start is safe")
  func start() {
    #expect(PointEvents.firstNonZero([0, 5, 0, 0, 7], from: 2) == 4)
    #expect(PointEvents.firstNonZero([0, 5], from: 9) == nil)
    #expect(PointEvents.firstNonZero([0, 5], from: -4) == 1)
    #expect(PointEvents.firstNonZero([]) == nil)
  }
}
