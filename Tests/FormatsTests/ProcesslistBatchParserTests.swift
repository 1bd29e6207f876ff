import Foundation
import Ingest
import Testing

@testable import Formats

@Suite("MySQL processlist, -B batch form")
struct ProcesslistBatchParserTests {
  @Test("a header and rows after a TS line are one snapshot at the TS epoch; NULL reads as absent")
  func singleSnapshot() throws {
    let text = """
      TS 1764212400.250 2026-11-27 03:00:00
      Id\tUser\tHost\tdb\tCommand\tTime\tState\tInfo
      21\tmsandbox\tlocalhost:54732\tNULL\tBinlog Dump\t3081\tHas sent all binlog to slave; waiting for binlog to be updated\tNULL
      41\tmsandbox\tlocalhost\tNULL\tQuery\t0\tNULL\tshow full processlist
      """
    let run = ParserFeed.run(ProcesslistBatchParser.self, text)
    #expect(run.records.count == 5)
    #expect(run.records.prefix(4).allSatisfy { $0 == .structure })
    let snapshot = try #require(ParserFeed.snapshot(run.records[4]))
    #expect(snapshot.time == Timestamp(milliseconds: 1_764_212_400_250))
    #expect(snapshot.line == 2)
    #expect(
      snapshot.rows == [
        ProcesslistRow(
          id: 21, user: "msandbox", host: "localhost:54732", database: nil, command: "Binlog Dump",
          seconds: 3081,
          state: "Has sent all binlog to slave; waiting for binlog to be updated", info: nil),
        ProcesslistRow(
          id: 41, user: "msandbox", host: "localhost", database: nil, command: "Query", seconds: 0,
          state: nil,
          info: "show full processlist"),
      ])
  }

  @Test(#"escaped \t, \n, \\ and \0 in values are unescaped; \N alone is NULL; other backslashes stay"#)
  func escapes() throws {
    let fields = [
      "7", "shipping", "10.0.0.5:1", #"\N"#, "Query", "2", "executing",
      #"SELECT 'a\tb',\n  'c\\d', 'e\0f', '\x' FROM t"#,
    ]
    let text = ["TS 100 x", Self.header, fields.joined(separator: "\t")].joined(separator: "\n")
    let row = try #require(try Self.onlySnapshot(text).rows.first)
    #expect(row.database == nil)
    #expect(row.info == "SELECT 'a\tb',\n  'c\\d', 'e\u{0}f', '\\x' FROM t")
  }

  @Test("MariaDB's Progress column and extra Percona columns are ignored")
  func progressColumn() throws {
    let text = """
      TS 100 x
      Id\tUser\tHost\tdb\tCommand\tTime\tState\tInfo\tProgress
      33064\trdsadmin\tlocalhost\tmysql\tSleep\t0\t\tNULL\t0.000
      40456\tpoapper\t172.xxx.xxx.xxx:37242\tpopo\tSleep\t1163\t\tNULL\t0.000
      """
    let rows = try Self.onlySnapshot(text).rows
    #expect(rows.map(\.id) == [33064, 40456])
    #expect(rows.map(\.seconds) == [0, 1163])
    #expect(rows.allSatisfy { $0.state == nil && $0.info == nil })
  }

  @Test("information_schema's upper-case columns in any order, with TIME_MS when TIME is not selected")
  func informationSchema() throws {
    let text = """
      TS 100 x
      USER\tID\tHOST\tDB\tCOMMAND\tTIME_MS\tSTATE\tINFO
      shipping\t11\t10.0.0.5:3\tcities\tSleep\t1500123.456\t\tNULL
      ratings\t12\t10.0.0.6:4\tratings\tQuery\t12\texecuting\tSELECT 1
      """
    let rows = try Self.onlySnapshot(text).rows
    #expect(
      rows == [
        ProcesslistRow(
          id: 11, user: "shipping", host: "10.0.0.5:3", database: "cities", command: "Sleep", seconds: 1500,
          state: nil, info: nil),
        ProcesslistRow(
          id: 12, user: "ratings", host: "10.0.0.6:4", database: "ratings", command: "Query", seconds: 0,
          state: "executing", info: "SELECT 1"),
      ])
  }

  @Test("a NULL TIME_MS with no TIME selected leaves the row without a time, and it is reported")
  func nullMilliseconds() throws {
    let text = "TS 100 x\nID\tUSER\tHOST\tCOMMAND\tTIME_MS\n1\tu\th\tSleep\tNULL\n2\tu\th\tSleep\t5000"
    let run = ParserFeed.run(ProcesslistBatchParser.self, text)
    #expect(run.records.compactMap(ParserFeed.snapshot).map { $0.rows.map(\.seconds) } == [[5]])
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "row at line 3: TIME_MS is NULL and no Time was selected")
      ])
  }

  @Test("a repeated header starts a new snapshot, as does a TS line")
  func snapshotBoundaries() throws {
    let text = [
      "TS 100 x", Self.header, Self.row(1), Self.row(2), Self.header, Self.row(3), "TS 200 y", Self.header,
      Self.row(4),
    ].joined(separator: "\n")
    let snapshots = ParserFeed.run(ProcesslistBatchParser.self, text).records.compactMap(ParserFeed.snapshot)
    #expect(snapshots.map { $0.rows.map(\.id) } == [[1, 2], [3], [4]])
    #expect(snapshots.map(\.line) == [2, 5, 8])
    #expect(snapshots.map(\.time.milliseconds) == [100_000, 100_000, 200_000])
  }

  @Test("rows that do not fit the header, bad numbers and headerless rows are reported by line")
  func badRows() throws {
    let text = [
      Self.row(9), "TS 100 x", Self.header, Self.row(1), "2\tshipping\tcut", "x3\tu\th\td\tSleep\t1\t\tNULL",
      Self.row(4), Self.header, "TS 200 y", Self.header, "5\tu\th\td\tSleep\tsoon\t\tNULL",
    ].joined(separator: "\n")
    let run = ParserFeed.run(ProcesslistBatchParser.self, text)
    #expect(run.records.compactMap(ParserFeed.snapshot).map { $0.rows.map(\.id) } == [[1, 4]])
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "line 1 is a row before any header line (`mysql -N` output names no columns)"),
        .malformed(reason: "row at line 5 has 3 fields where the header at line 3 has 8"),
        .malformed(reason: #"row at line 6: Id "x3" is not a number"#),
        .malformed(reason: "the processlist header at line 8 has no rows under it"),
        .malformed(reason: #"row at line 11: Time "soon" is not a number of seconds"#),
      ])
  }

  @Test("mixed \\r\\n and \\n line endings read the same as \\n alone")
  func mixedLineEndings() throws {
    let lines = ["TS 100 x", Self.header, Self.row(1), Self.row(2), Self.row(3)]
    let plain = try Self.onlySnapshot(lines.joined(separator: "\n"))
    let mixed = try Self.onlySnapshot(
      lines.enumerated().map { $0.element + ($0.offset % 2 == 0 ? "\r\n" : "\n") }.joined())
    #expect(mixed == plain)
    #expect(plain.rows.map(\.info) == [nil, nil, nil])
  }

  @Test("without a TS line or a pt-stalk file name the snapshot is reported with its line and is a fault")
  func missingTime() {
    let run = ParserFeed.run(ProcesslistBatchParser.self, [Self.header, Self.row(1)].joined(separator: "\n"))
    #expect(
      run.records == [
        .structure, .structure,
        .malformed(
          reason: "no time for the processlist snapshot at line 1: add TS lines or keep pt-stalk's file name"),
      ])
    #expect(run.parser.fault == .untimedSnapshot(path: "evidence.txt", line: 1))
  }

  @Test("recognises tab-separated processlist headers in any case, not TS lines, rows or other tables")
  func recognition() {
    for line in [
      Self.header, "ID\tUSER\tHOST\tDB\tCOMMAND\tTIME\tSTATE\tINFO\tTIME_MS",
      "PROCESSLIST_ID\tPROCESSLIST_USER\tPROCESSLIST_HOST\tPROCESSLIST_COMMAND\tPROCESSLIST_TIME",
    ] {
      #expect(ParserFeed.recognizes(ProcesslistBatchParser.self, line), "\(line)")
    }
    for line in [
      Self.row(1), "TS 1520256297 2018-03-05 13:24:57", "Variable_name\tValue",
      "Id User Host db Command Time State Info", "| Id | User |", "",
    ] {
      #expect(!ParserFeed.recognizes(ProcesslistBatchParser.self, line), "\(line)")
    }
  }

  @Test("detection picks the batch parser for -B output")
  func detection() throws {
    let text = ["TS 100 x", Self.header, Self.row(1), Self.row(2)].joined(separator: "\n") + "\n"
    var reader = SourceReader(source: Source(path: try LogLineHarness.temporaryFile(text)))
    try reader.read { _, _ in }
    #expect(reader.stats.format == .mysqlProcesslistBatch)
    #expect(reader.stats.records == 1)
    #expect(reader.stats.skipped == 0)
  }

  @Test("damaged batch lines never crash the parser or the recogniser, and each line gives one record")
  func damagedLines() {
    let lines = DamagedLines.variants(
      of: [
        "TS 1764212400.250 2026-11-27 03:00:00", Self.header, Self.row(1), #"2\tu\th\t\N\tQuery\t1\t\tx\ty"#,
      ],
      seed: 0xBA7C, count: 300)
    let run = ParserFeed.run(ProcesslistBatchParser.self, bytes: Array(lines.joined(separator: [0x0A])))
    #expect(run.records.count >= lines.count)
    for line in lines { _ = line.withUnsafeBytes(ProcesslistBatchParser.recognizes) }
  }

  static let header = "Id\tUser\tHost\tdb\tCommand\tTime\tState\tInfo"

  static func row(_ id: Int) -> String {
    "\(id)\tshipping\t10.0.0.5:\(40000 + id)\tcities\tSleep\t1800\t\tNULL"
  }

  private static func onlySnapshot(_ text: String) throws -> ProcesslistSnapshot {
    let run = ParserFeed.run(ProcesslistBatchParser.self, text)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let snapshots = run.records.compactMap(ParserFeed.snapshot)
    try #require(snapshots.count == 1)
    return snapshots[0]
  }
}
