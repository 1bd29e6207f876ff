import Testing

@testable import Analysis

@Suite("Evidence tables and robust magnitudes")
struct EvidenceTableTests {
  @Test("every signal kind has a meaning for the engine")
  func semanticsCoverEveryKind() {
    for kind in SignalKind.allCases {
      #expect(SignalSemantics.table[kind] != nil, "\(kind.rawValue) has no row")
    }
  }

  @Test("each unit's floor ignores its own example move and no unit appears twice")
  func floorsIgnoreTheirExamples() {
    #expect(Set(MinimumShift.rows.map(\.unit)).count == MinimumShift.rows.count)
    for row in MinimumShift.rows {
      let shift = abs(row.exampleIgnored.after - row.exampleIgnored.before)
      #expect(shift < MinimumShift.floor(for: row.unit), "\(row.unit)")
      #expect(
        shift * 3 >= MinimumShift.floor(for: row.unit), "\(row.unit): the example is not near the floor")
    }
  }

  @Test("the baseline's spread is the hop of a two-level series; a flat one measures against the floor")
  func robustBaseline() throws {
    let twoLevels = try #require(RobustBaseline([5, 9, 5, 9, 5, 5, 9, 5, 9, 5].map { $0 / 1000 }))
    #expect(twoLevels.median == 0.005)
    #expect(twoLevels.scale > 0.002)
    #expect(twoLevels.deviations(of: 0.009, floor: 0.01) == 0)
    let flat = try #require(RobustBaseline([Double](repeating: 0.2, count: 20)))
    #expect(flat.deviations(of: 2.0, floor: 0.01) > 100)
    #expect(RobustBaseline([1, .nan, 2]) == nil)
  }

  @Test("BARO scores a component by its most anomalous series and drops series constant before the onset")
  func anomalyScores() {
    let extraction = EngineIncidents.callerAndCallee(caller: "a", callee: "b")
    let onset = SyntheticIncidents.start + 140 * SyntheticIncidents.step
    let scores = AnomalyScores(extraction: extraction, onset: onset)
    #expect(scores.score(of: "b") > 50)
    #expect(scores.ranked.count == 2)
    let flat = AnomalyScores(extraction: EngineIncidents.quiet(), onset: onset)
    #expect(flat.ranked.allSatisfy { $0.score < 5 })
  }

  @Test("--topology files: one caller -> callee a line, comments and blanks ignored, errors with their line")
  func topologyFile() throws {
    let edges = try TopologyFile.edges("# mesh\nweb -> cart\n\n  cart->redis  # cache\n", path: "t.txt")
    #expect(edges.map { "\($0.caller)>\($0.callee)" } == ["web>cart", "cart>redis"])
    #expect(throws: TopologyFile.ParseError.malformedLine(path: "t.txt", line: 2, text: "web cart")) {
      try TopologyFile.edges("a -> b\nweb cart\n", path: "t.txt")
    }
  }
}
