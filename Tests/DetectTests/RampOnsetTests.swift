import Testing

@testable import Detect

@Suite("Ramp onset: where the climb towards a change began")
struct RampOnsetTests {
  /// 10 until index 49, then +3 per point up to 70, then flat.
  let ramp: [Double] = (0..<120).map { index in index < 50 ? 10 : min(70, 10 + 3 * Double(index - 49)) }

  @Test("a clean ramp's onset is its first raised point, wherever in the ramp the change was placed")
  func cleanRamp() {
    for changeIndex in [55, 60, 66] {
      #expect(PointEvents.rampOnset(ramp, changeIndex: changeIndex) == 50)
    }
  }

  @Test("a falling ramp is followed the same way")
  func fallingRamp() {
    #expect(PointEvents.rampOnset(ramp.map { 100 - $0 }, changeIndex: 60) == 50)
  }

  @Test("a step has no ramp: the change index comes back", arguments: 1...10)
  func step(seed: UInt64) {
    let values = SyntheticSeries.steps([(100, 0), (100, 10)], noise: 1, seed: seed)
    #expect(PointEvents.rampOnset(values, changeIndex: 100) == 100)
  }

  @Test("a change placed a few points late on a step moves back to the step")
  func lateChange() {
    let values = SyntheticSeries.steps([(100, 0), (100, 10)], noise: 0.5, seed: 9)
    #expect(PointEvents.rampOnset(values, changeIndex: 104) == 100)
  }

  @Test("the search starts at `from`: an earlier level does not set the baseline")
  func searchStart() {
    let values = [Double](repeating: 100, count: 40) + ramp
    #expect(PointEvents.rampOnset(values, changeIndex: 100, from: 40) == 90)
  }

  @Test("gaps inside the ramp are skipped")
  func gaps() {
    var values = ramp
    values[52] = .nan
    values[50] = .nan
    #expect(PointEvents.rampOnset(values, changeIndex: 60) == 51)
  }

  @Test("out-of-range and degenerate inputs return the change index without trapping")
  func degenerate() {
    #expect(PointEvents.rampOnset([], changeIndex: 0) == 0)
    #expect(PointEvents.rampOnset(ramp, changeIndex: -3) == -3)
    #expect(PointEvents.rampOnset(ramp, changeIndex: 500) == 500)
    #expect(PointEvents.rampOnset(ramp, changeIndex: 2) == 2)
    #expect(PointEvents.rampOnset(ramp, changeIndex: 60, from: 70) == 60)
    #expect(PointEvents.rampOnset([Double](repeating: .nan, count: 20), changeIndex: 10) == 10)
  }
}
