import Testing

@testable import Detect

@Suite("Change point detection on synthetic series with known changes")
struct ChangePointDetectorTests {
  let detector = ChangePointDetector()

  @Test(
    "a single step is found where it happens, with its levels, direction and effect size", arguments: 1...10)
  func singleStep(seed: UInt64) throws {
    let values = SyntheticSeries.steps([(120, 10), (80, 15)], noise: 1, seed: seed)
    let changes = detector.detect(values)
    try #require(changes.count == 1)
    let change = changes[0]
    #expect(abs(change.index - 120) <= 2)
    #expect(abs(change.before - 10) < 0.5)
    #expect(abs(change.after - 15) < 0.5)
    #expect(abs(change.beforeMedian - 10) < 0.5)
    #expect(abs(change.afterMedian - 15) < 0.5)
    #expect(change.direction == .up)
    #expect(abs(change.effectSize - 5) < 1)
    #expect(change.confidence > 0.9 && change.confidence <= 1)
  }

  @Test("two steps, up then down, are both found in order", arguments: 1...10)
  func twoSteps(seed: UInt64) throws {
    let pieces: [(length: Int, level: Double)] = [(100, 0), (60, 6), (140, 1)]
    let values = SyntheticSeries.steps(pieces, noise: 1, seed: seed)
    let changes = detector.detect(values)
    try #require(changes.count == 2)
    for (change, truth) in zip(changes, SyntheticSeries.boundaries(pieces)) {
      #expect(abs(change.index - truth) <= 2)
    }
    #expect(changes.map(\.direction) == [.up, .down])
  }

  @Test(
    "a ramp to a plateau yields a change inside the ramp, and the ramp onset is its start", arguments: 1...10)
  func rampThenPlateau(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    let values = (0..<400).map { index -> Double in
      let level = index < 200 ? 12 : min(150, 12 + Double(index - 199) * 138 / 40)
      return level + 2 * generator.gaussian()
    }
    let changes = detector.detect(values)
    let first = try #require(changes.first)
    #expect((200...240).contains(first.index))
    #expect(first.direction == .up)
    #expect(abs(PointEvents.rampOnset(values, changeIndex: first.index) - 200) <= 3)
  }

  @Test(
    "noise whose spread triples while its mean stays is a variance change, not a level change",
    arguments: 1...10)
  func varianceOnly(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    let values = (0..<600).map { index in (index < 300 ? 1.0 : 3.0) * generator.gaussian() }
    let segmentation = detector.segment(values)
    #expect(segmentation.changePoints.isEmpty)
    try #require(segmentation.varianceChanges.count == 1)
    let change = segmentation.varianceChanges[0]
    #expect(change.kind == .variance)
    #expect(abs(change.index - 300) <= 10)
    #expect(change.direction == .up)
    #expect(abs(change.before - 1) < 0.2 && abs(change.after - 3) < 0.5)
  }

  @Test("white noise and plain level shifts have no variance change", arguments: 1...10)
  func noSpuriousVarianceChange(seed: UInt64) {
    let noise = SyntheticSeries.noise(count: 1000, seed: seed)
    let steps = SyntheticSeries.steps([(200, 0), (300, 5), (200, -2)], noise: 1, seed: seed)
    #expect(detector.segment(noise).varianceChanges.isEmpty)
    #expect(detector.segment(steps).varianceChanges.isEmpty)
    #expect(detector.segment(steps).changePoints.allSatisfy { $0.kind == .mean })
  }

  @Test(
    "a steady trend is not a change; a step that dominates a gentle trend is found where it happens",
    arguments: 1...5)
  func trend(seed: UInt64) {
    let noise = SyntheticSeries.noise(count: 300, seed: seed)
    let steep = zip((0..<300).map { Double($0) * 0.05 }, noise).map(+)
    #expect(detector.detect(steep).isEmpty)
    let gentle = zip((0..<300).map { Double($0) * 0.01 }, noise).map(+)
    let stepped = gentle.enumerated().map { $0.offset < 200 ? $0.element : $0.element + 8 }
    let changes = detector.detect(stepped)
    #expect(changes.contains { abs($0.index - 200) <= 2 && $0.direction == .up })
  }

  @Test("gaps are skipped, and indices and levels refer to the original series", arguments: 1...5)
  func gaps(seed: UInt64) throws {
    let dense = SyntheticSeries.steps([(100, 0), (100, 8)], noise: 0.5, seed: seed)
    var gappy = dense
    for index in stride(from: 3, to: gappy.count, by: 7) { gappy[index] = .nan }
    for index in 97...103 { gappy[index] = .nan }
    let present = gappy.indices.filter { !gappy[$0].isNaN }

    let changes = detector.detect(gappy)
    let compact = detector.detect(present.map { gappy[$0] })
    try #require(changes.count == 1)
    #expect(changes[0].index == 104)
    #expect(changes.map(\.index) == compact.map { present[$0.index] })
    #expect(changes.map(\.before) == compact.map(\.before))
    #expect(changes.map(\.after) == compact.map(\.after))
  }

  @Test("a constant series has no change; a flat series with one exact step has exactly that one")
  func flatSeries() throws {
    #expect(detector.detect([Double](repeating: 42.1, count: 100)).isEmpty)
    #expect(detector.detect([Double](repeating: 0, count: 100)).isEmpty)

    let step = [Double](repeating: 3, count: 50) + [Double](repeating: 7, count: 50)
    let changes = detector.detect(step)
    try #require(changes.count == 1)
    #expect(changes[0].index == 50)
    #expect(changes[0].before == 3 && changes[0].after == 7)
    #expect(changes[0].confidence > 0.99)
  }

  @Test("series too short for two minimum segments, empty or all gaps, yield nothing")
  func tooShort() {
    #expect(detector.detect([0, 0, 100, 100, 100]).isEmpty)
    #expect(detector.detect([]).isEmpty)
    #expect(detector.detect([.nan, .nan, .infinity]).isEmpty)
    #expect(detector.segment([]).segments.isEmpty)
    #expect(detector.segment([5, 5]).segments == [Segment(range: 0..<2, mean: 5, median: 5)])
  }

  @Test(
    "a latency p90 stepping from about 1 s to about 9 s is found, with medians near both levels",
    arguments: 1...5)
  func latencyStep(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    let values = (0..<360).map { index in
      (index < 180 ? 1.0 : 9.0) * (1 + 0.15 * generator.gaussian())
    }
    let changes = detector.detect(values)
    try #require(changes.count == 1)
    #expect(abs(changes[0].index - 180) <= 1)
    #expect(abs(changes[0].beforeMedian - 1) < 0.1)
    #expect(abs(changes[0].afterMedian - 9) < 0.9)
  }

  @Test("a count rate rising from 3 to 12 per bucket is found; steady counts give none", arguments: 1...10)
  func poissonCounts(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    let rising = (0..<300).map { index in generator.poisson(mean: index < 200 ? 3 : 12) }
    let steady = (0..<300).map { _ in generator.poisson(mean: 3) }
    let changes = detector.detect(rising)
    try #require(changes.count == 1)
    #expect(abs(changes[0].index - 200) <= 2)
    #expect(detector.detect(steady).isEmpty)
  }

  @Test("a shift far below one noise SD is not reported however long the series")
  func tinyShiftOnLongSeries() {
    let values = SyntheticSeries.steps([(10_000, 0), (10_000, 0.4)], noise: 1, seed: 7)
    #expect(detector.detect(values).isEmpty)
    var sensitive = detector
    sensitive.minimumEffectSize = 0.2
    #expect(sensitive.detect(values).count == 1)
  }

  @Test("shifting and scaling a series moves no change and keeps every effect size")
  func affineInvariance() throws {
    let pieces: [(length: Int, level: Double)] = [(80, 0), (50, 4), (70, -3), (100, 2)]
    let values = SyntheticSeries.steps(pieces, noise: 1, seed: 11)
    let original = detector.detect(values)
    let transformed = detector.detect(values.map { $0 * 1000 + 5e6 })
    try #require(original.map(\.index) == SyntheticSeries.boundaries(pieces))
    #expect(original.map(\.index) == transformed.map(\.index))
    for (a, b) in zip(original, transformed) {
      #expect(abs(a.effectSize - b.effectSize) < 1e-6 * a.effectSize)
      #expect(abs((b.after - 5e6) / 1000 - a.after) < 1e-6)
    }
  }

  @Test("segments tile the series and carry the levels on both sides of each change")
  func segmentsTileTheSeries() throws {
    var values = SyntheticSeries.steps([(60, 5), (60, 9), (60, 2)], noise: 0.8, seed: 3)
    values[0] = .nan
    values[119] = .nan
    values.append(.nan)
    let segmentation = detector.segment(values)
    try #require(segmentation.changePoints.count == 2)
    #expect(segmentation.segments.count == 3)
    #expect(segmentation.segments.first?.range.lowerBound == 0)
    #expect(segmentation.segments.last?.range.upperBound == values.count)
    for (left, right) in zip(segmentation.segments, segmentation.segments.dropFirst()) {
      #expect(left.range.upperBound == right.range.lowerBound)
    }
    for (position, change) in segmentation.changePoints.enumerated() {
      #expect(change.index == segmentation.segments[position + 1].range.lowerBound)
      #expect(change.before == segmentation.segments[position].mean)
      #expect(change.after == segmentation.segments[position + 1].mean)
    }
  }

  @Test("no segment is shorter than the minimum segment length", arguments: [2, 5, 12])
  func minimumSegmentLength(length: Int) {
    let lengths = [4, 30, 9, 50, 15, 2, 40, 7, 60, 25]
    let pieces = lengths.enumerated().map { (length: $1, level: Double($0 % 2) * 6) }
    let values = SyntheticSeries.steps(pieces, noise: 1, seed: UInt64(length))
    let changes = ChangePointDetector(minimumSegmentLength: length).detect(values)
    let bounds = [0] + changes.map(\.index) + [values.count]
    #expect(!changes.isEmpty)
    for (start, end) in zip(bounds, bounds.dropFirst()) {
      #expect(end - start >= length)
    }
  }

  @Test("the same input gives the same output")
  func deterministic() {
    let values = SyntheticSeries.steps([(300, 1), (200, 3), (300, 0)], noise: 1, seed: 5)
    #expect(detector.segment(values) == detector.segment(values))
  }

  @Test("extreme magnitudes, subnormals and infinities neither trap nor hang")
  func extremeValues() {
    let huge = Double.greatestFiniteMagnitude
    let inputs: [[Double]] = [
      [Double](repeating: huge, count: 20) + [Double](repeating: -huge, count: 20),
      (0..<50).map { $0 % 2 == 0 ? huge : -huge },
      (0..<50).map { Double($0) * .leastNonzeroMagnitude },
      [.infinity, -.infinity, 1, 2, 3, .nan, 4, 5, 6, 7],
    ]
    for values in inputs {
      let segmentation = detector.segment(values)
      #expect(segmentation.changePoints.allSatisfy { values.indices.contains($0.index) })
      #expect(segmentation.changePoints.allSatisfy { (0...1).contains($0.confidence) })
      _ = PointEvents.rampOnset(values, changeIndex: values.count / 2)
    }
  }
}
