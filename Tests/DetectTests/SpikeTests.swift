import Testing

@testable import Detect

@Suite("Spikes are reported, never taken for changes")
struct SpikeTests {
  @Test("one- and two-point spikes, also at the very ends, are spikes and not changes", arguments: 1...5)
  func spikesAreNotChanges(seed: UInt64) {
    var values = SyntheticSeries.noise(count: 300, level: 50, noise: 1, seed: seed)
    let spiked = [0, 100, 200, 201, 298, 299]
    for index in spiked { values[index] += index % 2 == 0 ? 40 : -30 }
    let segmentation = ChangePointDetector().segment(values)
    #expect(segmentation.changePoints.isEmpty)
    #expect(segmentation.spikes.map(\.index) == spiked)
    for spike in segmentation.spikes {
      #expect(spike.value == values[spike.index])
      #expect(abs(spike.baseline - 50) < 3)
    }
  }

  @Test("a spike next to a real step leaves the step where it is")
  func spikeBesideStep() throws {
    var values = SyntheticSeries.steps([(100, 0), (100, 10)], noise: 1, seed: 2)
    values[97] = 60
    let changes = ChangePointDetector().detect(values)
    try #require(changes.count == 1)
    #expect(abs(changes[0].index - 100) <= 1)
    #expect(abs(changes[0].before) < 0.5)
  }

  @Test("a run as long as the minimum segment is a level, not a spike")
  func threePointRunIsNotASpike() {
    var values = [Double](repeating: 0, count: 60)
    for index in 57..<60 { values[index] = 9 }
    let segmentation = ChangePointDetector().segment(values)
    #expect(segmentation.spikes.isEmpty)
    #expect(segmentation.changePoints.map(\.index) == [57])
  }

  @Test("turning spikes off leaves outliers in the series")
  func spikesOff() {
    var values = SyntheticSeries.noise(count: 200, seed: 4)
    values[50] = 80
    var detector = ChangePointDetector()
    detector.maximumSpikeLength = 0
    #expect(detector.segment(values).spikes.isEmpty)
  }
}
