import Formats
import Testing

@testable import Signals

@Suite("Long-running statements")
struct LongRunningQueryTests {
  private func row(
    _ id: Int64, user: String = "app", command: String = "Query", seconds: Int = 40, info: String?
  )
    -> ProcesslistRow
  {
    ProcesslistRow(
      id: id, user: user, host: "10.0.0.5:3306", database: nil, command: command, seconds: seconds,
      state: "", info: info)
  }

  @Test("statements are collapsed to one line and cut, however long")
  func abbreviation() {
    #expect(
      LongRunningQuery.abbreviate("  SELECT *\n\tFROM  orders\r\n WHERE id = 1 ")
        == "SELECT * FROM orders WHERE id = 1")
    let huge = "INSERT INTO t VALUES " + String(repeating: "(1, 'x'), ", count: 1_000_000)
    let cut = LongRunningQuery.abbreviate(huge)
    #expect(cut.count == LongRunningQuery.infoLimit + 1)
    #expect(cut.hasSuffix("…"))
  }

  @Test("server threads, replication and idle connections run no client statement")
  func clientStatementsOnly() {
    #expect(LongRunningQuery(row(1, command: "Sleep", info: nil), path: "p", line: 1, milliseconds: 0) == nil)
    #expect(
      LongRunningQuery(row(2, command: "Binlog Dump", info: nil), path: "p", line: 1, milliseconds: 0) == nil)
    #expect(
      LongRunningQuery(row(3, user: "system user", info: nil), path: "p", line: 1, milliseconds: 0) == nil)
    let query = LongRunningQuery(row(4, info: "SELECT 1"), path: "p", line: 1, milliseconds: 0)
    #expect(query?.host == "10.0.0.5")
    #expect(query?.state == nil)
  }

  @Test("a statement seen in many snapshots is kept once, at its longest; the ranking is by time, then id")
  func ranking() {
    var aggregate = ProcesslistAggregate(stepMilliseconds: 10_000)
    for snapshot in 0..<10 {
      let rows =
        [
          row(7, seconds: 100 + snapshot * 10, info: "SELECT slow"),
          row(8, seconds: 5, info: "SELECT fast"),
        ] + (0..<6).map { row(Int64(20 + $0), seconds: 50, info: "SELECT same") }
      aggregate.add(
        ProcesslistSnapshot(
          time: Timestamp(milliseconds: Int64(snapshot) * 10_000), line: snapshot * 20, rows: rows),
        path: "p")
    }
    let ranked = aggregate.longRunning
    #expect(ranked.map(\.id) == [7, 20, 21, 22, 23])
    #expect(ranked[0].seconds == 190)
    #expect(ranked[0].line == 180)
    #expect(ranked[1].milliseconds == 0)  // the first sighting among equal times
  }
}
