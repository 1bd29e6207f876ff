import Foundation
import Ingest
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

  @Test(
    "pt-stalk's \\G capture: 30 snapshots at their TS times, each with the rows and users its block lists")
  func ptStalkCapture() throws {
    let path = "percona/2018_03_05_13_24_55-processlist"
    let run = ParserFeed.run(
      ProcesslistVerticalParser.self, bytes: try DatabaseFixtures.bytes(path), path: path)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let snapshots = run.records.compactMap(ParserFeed.snapshot)
    let lines = try DatabaseFixtures.lines(path)
    let expected = Self.blocks(lines)
    #expect(snapshots.count == 30)
    #expect(expected.count == 30)
    #expect(snapshots.map(\.rows.count) == expected.map(\.ids))
    #expect(snapshots.map(Self.users) == expected.map(\.users))
    let stamps = lines.filter { $0.hasPrefix("TS ") }.map { line in
      Int64((Double(line.split(separator: " ")[1])! * 1000).rounded())
    }
    #expect(snapshots.map(\.time.milliseconds) == stamps)
    #expect(snapshots.reduce(0) { $0 + $1.rows.count { $0.command == "Sleep" } } == 367)
    #expect(!run.parser.assumedZone)
  }

  @Test("Percona's \\G recordsets: one snapshot each, dated by a pt-stalk file name, with every row and user")
  func verticalRecordsets() throws {
    for name in ["processlist-001.txt", "recset002.txt", "recset003.txt", "recset004.txt", "recset010.txt"] {
      let lines = try DatabaseFixtures.lines("percona/" + name)
      let run = ParserFeed.run(
        ProcesslistVerticalParser.self, bytes: try DatabaseFixtures.bytes("percona/" + name),
        path: "/var/lib/pt-stalk/2018_03_05_13_24_55-" + name)
      #expect(run.records.filter(ParserFeed.isMalformed).isEmpty, "\(name)")
      let snapshots = run.records.compactMap(ParserFeed.snapshot)
      let expected = Self.blocks(lines)
      #expect(expected.count == 1, "\(name)")
      #expect(snapshots.map(\.rows.count) == expected.map(\.ids), "\(name)")
      #expect(snapshots.map(Self.users) == expected.map(\.users), "\(name)")
      #expect(snapshots.map(\.line) == [1], "\(name)")
      let markers = lines.count { $0.contains(". row ****") }
      #expect(snapshots.first?.rows.count == markers, "\(name)")
    }
  }

  @Test("processlist-001's rows read in full: a replication thread, system users with an empty Host")
  func processlistRows() throws {
    let run = ParserFeed.run(
      ProcesslistVerticalParser.self, bytes: try DatabaseFixtures.bytes("percona/processlist-001.txt"),
      path: "2018_03_05_13_24_55-processlist")
    let rows = try #require(run.records.compactMap(ParserFeed.snapshot).first).rows
    #expect(
      rows.first
        == ProcesslistRow(
          id: 1531, user: "repl", host: "10.17.85.74:60991", database: nil, command: "Binlog Dump",
          seconds: 9_133_994, state: "Has sent all binlog to slave; waiting for binlog to be updated",
          info: nil))
    #expect(rows.filter { $0.user == "system user" }.map(\.host) == ["", ""])
    #expect(rows.count { $0.info != nil } == 167 - 166)
  }

  @Test("Percona's -B recordset is one snapshot of its two rows")
  func batchRecordset() throws {
    let bytes = try DatabaseFixtures.bytes("percona/recset009.txt")
    let run = ParserFeed.run(
      ProcesslistBatchParser.self, bytes: Array("TS 1520256297 2018-03-05 13:24:57\n".utf8) + bytes)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let snapshots = run.records.compactMap(ParserFeed.snapshot)
    #expect(snapshots.map { $0.rows.map(\.id) } == [[21, 41]])
    #expect(snapshots.first?.rows.map(\.command) == ["Binlog Dump", "Query"])
    #expect(
      snapshots.first?.rows.map(\.state) == [
        "Has sent all binlog to slave; waiting for binlog to be updated", nil,
      ])
  }

  @Test(
    "each fixture is detected as its own form; an undated one ends with a fault naming its first snapshot")
  func detection() throws {
    let expected: [(String, Format)] = [
      ("2018_03_05_13_24_55-processlist", .mysqlProcesslistVertical),
      ("processlist-001.txt", .mysqlProcesslistVertical), ("recset001.txt", .mysqlProcesslistTable),
      ("recset002.txt", .mysqlProcesslistVertical), ("recset003.txt", .mysqlProcesslistVertical),
      ("recset004.txt", .mysqlProcesslistVertical), ("recset009.txt", .mysqlProcesslistBatch),
      ("recset010.txt", .mysqlProcesslistVertical),
    ]
    for (name, format) in expected {
      let path = try #require(DatabaseFixtures.directory) + "/percona/" + name
      var reader = SourceReader(source: Source(path: path))
      let failure: FormatError?
      do {
        try reader.read { _, _ in }
        failure = nil
      } catch let error as FormatError {
        failure = error
      }
      #expect(reader.stats.format == format, "\(name)")
      if name.hasPrefix("2018") {
        #expect(failure == nil)
        #expect(reader.stats.records == 30)
      } else {
        #expect(failure == .untimedSnapshot(path: path, line: 1), "\(name)")
        #expect(reader.stats.records == 0, "\(name)")
      }
    }
  }

  /// Counted from the text alone: a block starts at each TS line and at each `1. row` marker; its rows are its
  /// `Id:` lines, its users the values of its `User:` lines.
  private static func blocks(_ lines: [String]) -> [(ids: Int, users: [String: Int])] {
    var blocks: [(ids: Int, users: [String: Int])] = []
    var startsBlock = true
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("TS ") || trimmed.hasPrefix("*") && trimmed.contains(" 1. row ") {
        startsBlock = true
      } else if trimmed.hasPrefix("Id: ") {
        if startsBlock { blocks.append((0, [:])) }
        startsBlock = false
        blocks[blocks.count - 1].ids += 1
      } else if trimmed.hasPrefix("User:") {
        let user = trimmed.dropFirst("User:".count).trimmingCharacters(in: .whitespaces)
        blocks[blocks.count - 1].users[user, default: 0] += 1
      }
    }
    return blocks
  }

  private static func users(_ snapshot: ProcesslistSnapshot) -> [String: Int] {
    snapshot.rows.reduce(into: [:]) { $0[$1.user, default: 0] += 1 }
  }
}
