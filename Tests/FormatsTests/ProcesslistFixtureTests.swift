import Testing

@testable import Formats

/// Real MySQL tool output from percona-toolkit's test data.
@Suite("Processlist fixtures", .enabled(if: DatabaseFixtures.directory != nil))
struct ProcesslistFixtureTests {
  @Test("Percona's table recordset, after a capture loop's TS line, is one snapshot")
  func recordset() throws {
    let table = try DatabaseFixtures.bytes("percona/recset001.txt")
    let run = ParserFeed.run(
      ProcesslistTableParser.self, bytes: Array("TS 1520256297.002 2018-03-05 13:24:57\n".utf8) + table)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let snapshots = run.records.compactMap(ParserFeed.snapshot)
    #expect(snapshots.count == 1)
    #expect(snapshots.first?.line == 2)
    #expect(snapshots.first?.time == Timestamp(milliseconds: 1_520_256_297_002))
    #expect(
      snapshots.first?.rows == [
        ProcesslistRow(
          id: 9, user: "msandbox", host: "localhost", database: nil, command: "Query", seconds: 0, state: nil,
          info: "show processlist")
      ])
  }

  @Test("the same recordset on its own has no time and says so")
  func recordsetWithoutTime() throws {
    let run = ParserFeed.run(
      ProcesslistTableParser.self, bytes: try DatabaseFixtures.bytes("percona/recset001.txt"))
    #expect(run.records.compactMap(ParserFeed.snapshot).isEmpty)
    #expect(run.records.filter(ParserFeed.isMalformed).count == 1)
  }

  @Test("mysqladmin extended-status tables are not processlists: no snapshot, every table line reported")
  func mysqladminCapture() throws {
    let bytes = try DatabaseFixtures.bytes("percona/pt-130-in.txt")
    let run = ParserFeed.run(ProcesslistTableParser.self, bytes: bytes)
    #expect(run.records.compactMap(ParserFeed.snapshot).isEmpty)
    let pipedLines = try DatabaseFixtures.lines("percona/pt-130-in.txt").filter { $0.hasPrefix("|") }.count
    #expect(run.records.filter(ParserFeed.isMalformed).count == pipedLines)
  }

  @Test("a vertical (\\G) pt-stalk capture gives no table snapshots, only its TS lines as structure")
  func verticalCapture() throws {
    let path = "percona/2018_03_05_13_24_55-processlist"
    let run = ParserFeed.run(ProcesslistTableParser.self, bytes: try DatabaseFixtures.bytes(path), path: path)
    #expect(run.records.compactMap(ParserFeed.snapshot).isEmpty)
    let stamps = try DatabaseFixtures.lines(path).filter { $0.hasPrefix("TS ") }.count
    #expect(stamps > 0)
    #expect(run.records.filter { $0 == .structure }.count >= stamps)
  }
}
