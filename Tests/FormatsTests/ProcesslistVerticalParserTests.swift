import Foundation
import Ingest
import Testing

@testable import Formats

@Suite("MySQL processlist, \\G vertical form")
struct ProcesslistVerticalParserTests {
  @Test("rows after a TS line are one snapshot at the TS epoch, returned by the line that ends it")
  func singleSnapshot() throws {
    let text = "TS 1764212400.250 2026-11-27 03:00:00\n" + Self.block([Self.sleeper(41), Self.query(42)])
    let run = ParserFeed.run(ProcesslistVerticalParser.self, text)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    #expect(run.records.count == text.split(separator: "\n").count + 1)
    let snapshot = try #require(ParserFeed.snapshot(run.records.last!))
    #expect(snapshot.time == Timestamp(milliseconds: 1_764_212_400_250))
    #expect(snapshot.line == 2)
    #expect(
      snapshot.rows == [
        ProcesslistRow(
          id: 41, user: "shipping", host: "10.0.0.5:41000", database: "cities", command: "Sleep",
          seconds: 1800,
          state: nil, info: nil),
        ProcesslistRow(
          id: 42, user: "ratings", host: "10.0.0.6:52000", database: "ratings", command: "Query", seconds: 0,
          state: "starting", info: "SELECT 1 + 1 FROM DUAL"),
      ])
    #expect(!run.parser.assumedZone)
    #expect(run.parser.fault == nil)
  }

  @Test("a TS line, a row numbered 1 again, a trailer and a prompt each end a snapshot")
  func snapshotBoundaries() throws {
    let text = [
      "TS 100 x", Self.block([Self.sleeper(1), Self.sleeper(2)]),
      Self.block([Self.sleeper(3)]),
      "1 row in set (0.00 sec)", "", "mysql> show full processlist\\G",
      Self.block([Self.sleeper(4), Self.sleeper(5), Self.sleeper(6)]),
      "mysql> select 1;",
      "TS 200 y", Self.block([Self.sleeper(7)]),
    ].joined(separator: "\n")
    let snapshots = ParserFeed.run(ProcesslistVerticalParser.self, text).records.compactMap(
      ParserFeed.snapshot)
    #expect(snapshots.map { $0.rows.map(\.id) } == [[1, 2], [3], [4, 5, 6], [7]])
    #expect(snapshots.map(\.time.milliseconds) == [100_000, 100_000, 100_000, 200_000])
  }

  @Test("a multi-line Info continues until the next label; blank lines inside it stay, those after it do not")
  func multiLineInfo() throws {
    let query = "SELECT c.name,\n       c.code\n\n  FROM cities c -- Note: a colon\n WHERE c.code = 'x'"
    var fields = Self.query(9)
    fields[fields.count - 1] = ("Info", query)
    let text = "TS 100 x\n" + Self.block([fields, Self.sleeper(10)], extra: [("Rows_sent", "0")]) + "\n\n"
    let rows = try Self.onlySnapshot(text).rows
    #expect(rows.map(\.info) == [query, nil])
    #expect(rows.map(\.id) == [9, 10])
  }

  @Test(
    "NULL and empty read as absent, a NULL Time as 0, an empty Host stays empty; leading blanks are allowed")
  func nullsAndLeadingBlanks() throws {
    let text = """
      TS 100 x
       *************************** 1. row ***************************
            Id: 2012242752
          User: system user
          Host:\u{20}
            db: NULL
       Command: Connect
          Time: NULL
         State: Waiting for master to send event
          Info: NULL
      """
    let row = try #require(try Self.onlySnapshot(text).rows.first)
    #expect(
      row
        == ProcesslistRow(
          id: 2_012_242_752, user: "system user", host: "", database: nil, command: "Connect", seconds: 0,
          state: "Waiting for master to send event", info: nil))
  }

  @Test("information_schema, performance_schema and threads labels map by name, TIME_MS when Time is absent")
  func upperCaseLabels() throws {
    let text = """
      TS 100 x
      *************************** 1. row ***************************
           ID: 9
         USER: me
         HOST: localhost:58812
           DB: NULL
      COMMAND: Sleep
         TIME: 95
        STATE:
         INFO: NULL
      TIME_MS: 95123.456
      *************************** 2. row ***************************
                ID: 10
              USER: shipping
              HOST: 10.0.0.5:1
                DB: cities
           COMMAND: Sleep
           TIME_MS: 1500999.000
             STATE:
              INFO: NULL
      *************************** 3. row ***************************
                 THREAD_ID: 48
            PROCESSLIST_ID: 11
          PROCESSLIST_USER: ratings
          PROCESSLIST_HOST: 10.0.0.6
            PROCESSLIST_DB: ratings
       PROCESSLIST_COMMAND: Query
          PROCESSLIST_TIME: 2
         PROCESSLIST_STATE: executing
          PROCESSLIST_INFO: SELECT 1
      """
    let rows = try Self.onlySnapshot(text).rows
    #expect(rows.map(\.id) == [9, 10, 11])
    #expect(rows.map(\.user) == ["me", "shipping", "ratings"])
    #expect(rows.map(\.seconds) == [95, 1500, 2])
    #expect(rows.map(\.database) == [nil, "cities", "ratings"])
    #expect(rows.map(\.info) == [nil, nil, "SELECT 1"])
  }

  @Test("a block without Command: is reported with its line, and the snapshot still counts the other rows")
  func missingField() throws {
    var broken = Self.sleeper(2)
    broken.removeAll { $0.0 == "Command" }
    let text =
      "TS 100 x\n" + Self.block([Self.sleeper(1), broken, Self.sleeper(3)]) + "\nTS 200 y\n"
      + Self.block([broken])
    let run = ParserFeed.run(ProcesslistVerticalParser.self, text)
    #expect(run.records.compactMap(ParserFeed.snapshot).map { $0.rows.map(\.id) } == [[1, 3]])
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "row at line 11: no Command field"),
        .malformed(reason: "row at line 29: no Command field"),
      ])
  }

  @Test("a line that ends a broken row and its snapshot gives both: the report first, the snapshot next")
  func brokenLastRow() throws {
    let text =
      "TS 100 x\n" + Self.block([Self.sleeper(1)]) + "\n*************************** 2. row ****\n"
      + "     Id: 2\nTS 200 y\n" + Self.block([Self.sleeper(3)])
    let run = ParserFeed.run(ProcesslistVerticalParser.self, text)
    let lineOfTS = 13
    #expect(
      run.records[lineOfTS - 1] == .malformed(reason: "row at line 11: no User, Host, Command, Time field"))
    #expect(ParserFeed.snapshot(run.records[lineOfTS])?.rows.map(\.id) == [1])
    #expect(run.records.compactMap(ParserFeed.snapshot).map { $0.rows.map(\.id) } == [[1], [3]])
  }

  @Test("bad numbers, repeated labels and stray lines are reported by line; the rest reads on")
  func badLines() throws {
    let text = """
      a stray line
      TS 100 x
      *************************** 1. row ***************************
           Id: x1
         User: shipping
         Host: h
      Command: Sleep
         Time: 1
      *************************** 2. row ***************************
           Id: 2
         User: shipping
         User: ratings
         Host: h
      Command: Sleep
         Time: soon
      *************************** 3. row ***************************
      not a label
           Id: 3
         User: shipping
         Host: h
      Command: Sleep
         Time: 4
      continues nothing
      """
    let run = ParserFeed.run(ProcesslistVerticalParser.self, text)
    #expect(run.records.compactMap(ParserFeed.snapshot).map { $0.rows.map(\.id) } == [[3]])
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "line 1 is not part of a \\G processlist row"),
        .malformed(reason: #"row at line 3: Id "x1" is not a number"#),
        .malformed(reason: "line 12 repeats User within the row at line 9"),
        .malformed(reason: #"row at line 9: Time "soon" is not a number of seconds"#),
        .malformed(reason: "line 17 after the row marker at line 16 is no `Field: value` line"),
        .malformed(
          reason: "line 23 in the row at line 16 is no `Field: value` line, and Time above it is a number"),
      ])
  }

  @Test("a snapshot whose every row is broken is left out rather than read as no connections")
  func allRowsBroken() throws {
    let text = "TS 100 x\n*************************** 1. row ***************************\n     Id: 1\n"
    let run = ParserFeed.run(ProcesslistVerticalParser.self, text)
    #expect(run.records.compactMap(ParserFeed.snapshot).isEmpty)
    #expect(run.records.filter(ParserFeed.isMalformed).count == 1)
  }

  @Test("`Empty set` is a snapshot with no rows")
  func emptySet() throws {
    let run = ParserFeed.run(
      ProcesslistVerticalParser.self, "TS 100 x\nmysql> show processlist\\G\nEmpty set (0.00 sec)\n")
    #expect(
      run.records.compactMap(ParserFeed.snapshot) == [
        ProcesslistSnapshot(time: Timestamp(milliseconds: 100_000), line: 3, rows: [])
      ])
  }

  @Test("mixed \\r\\n and \\n line endings read the same as \\n alone")
  func mixedLineEndings() throws {
    let text = "TS 100 x\n" + Self.block([Self.query(1), Self.sleeper(2)])
    var crlf = ""
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      crlf += line + (index % 2 == 0 ? "\r\n" : "\n")
    }
    let plain = try Self.onlySnapshot(text)
    #expect(try Self.onlySnapshot(crlf) == plain)
  }

  @Test(
    "without TS lines a pt-stalk file name and its 1 s collection interval date the snapshots; with neither, each is reported and a fault")
  func snapshotTime() throws {
    let text = Self.block([Self.sleeper(1)]) + "\n" + Self.block([Self.sleeper(2)])
    let named = ParserFeed.run(
      ProcesslistVerticalParser.self, text, path: "/var/lib/pt-stalk/2026_11_27_03_00_00-processlist",
      utcOffsetSeconds: -3600)
    #expect(
      named.records.compactMap(ParserFeed.snapshot).map(\.time.milliseconds) == [
        1_795_752_000_000, 1_795_752_001_000,
      ])
    #expect(named.parser.assumedZone)
    let unnamed = ParserFeed.run(ProcesslistVerticalParser.self, text, path: "capture.txt")
    #expect(unnamed.records.compactMap(ParserFeed.snapshot).isEmpty)
    #expect(
      unnamed.records.filter(ParserFeed.isMalformed) == [
        .malformed(
          reason: "no time for the processlist snapshot at line 1: add TS lines or keep pt-stalk's file name"),
        .malformed(
          reason: "no time for the processlist snapshot at line 10: add TS lines or keep pt-stalk's file name"
        ),
      ])
    #expect(unnamed.parser.fault == .untimedSnapshot(path: "capture.txt", line: 1))
  }

  @Test("a source with an undated snapshot ends with its fault, naming the file and line; dated ones count")
  func untimedSourceFault() throws {
    let text = Self.block([Self.sleeper(1)]) + "\nTS 100 x\n" + Self.block([Self.sleeper(2)]) + "\n"
    let path = try LogLineHarness.temporaryFile(text, name: "processlist.txt")
    var reader = SourceReader(source: Source(path: path))
    var snapshots: [ProcesslistSnapshot] = []
    #expect(throws: FormatError.untimedSnapshot(path: path, line: 1)) {
      try reader.read { record, _ in
        if let snapshot = ParserFeed.snapshot(record) { snapshots.append(snapshot) }
      }
    }
    #expect(snapshots.map { $0.rows.map(\.id) } == [[2]])
    #expect(reader.stats.format == .mysqlProcesslistVertical)
    #expect(reader.stats.skipped == 1)
    #expect(
      "\(FormatError.untimedSnapshot(path: path, line: 1))"
        == "\(path): no time for the processlist snapshot at line 1: add TS lines or keep pt-stalk's file name"
    )
  }

  @Test("a 10 MB Info, one line too long to frame, is reported at its line; its snapshot counts every row")
  func hugeInfo() throws {
    var huge = Self.query(2)
    huge[huge.count - 1] = ("Info", "SELECT '" + String(repeating: "x", count: 10 << 20) + "'")
    let text =
      "TS 100 x\n" + Self.block([Self.sleeper(1), huge, Self.sleeper(3)]) + "\nTS 200 y\n"
      + Self.block([Self.sleeper(4)]) + "\n"
    let path = try LogLineHarness.temporaryFile(text, name: "2026_11_27_03_00_00-processlist")
    var reader = SourceReader(source: Source(path: path))
    var snapshots: [ProcesslistSnapshot] = []
    try reader.read { record, _ in
      if let snapshot = ParserFeed.snapshot(record) { snapshots.append(snapshot) }
    }
    #expect(snapshots.map { $0.rows.map(\.id) } == [[1, 2, 3], [4]])
    #expect(snapshots.first?.rows.map(\.info) == [nil, nil, nil])
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let long = try #require(lines.firstIndex { $0.utf8.count > 1 << 20 })
    #expect(
      reader.stats.skippedExamples == [
        SkippedLine(
          path: path, line: long + 1,
          reason: "line of \(lines[long].utf8.count) bytes exceeds the framing limit")
      ])
  }

  @Test(
    "recognises processlist labels, not row markers or TS lines (every \\G capture has them), other labels, tables or prose"
  )
  func recognition() {
    for line in [
      "     Id: 1", "Command: Binlog Dump", "  State:", "     PROCESSLIST_USER: shipping",
    ] {
      #expect(ParserFeed.recognizes(ProcesslistVerticalParser.self, line), "\(line)")
    }
    for line in [
      "*************************** 1. row ***************************",
      " *************************** 12. row ***************************",
      "TS 1520256297.002 2018-03-05 13:24:57", "    Rows_sent: 0", "  Master_Host: 10.0.0.1", "| Id | User |",
      "Id\tUser\tHost", "Time:5",
      "# Time: 2016-07-20T18:13:25.698433Z", "*** row ***", "2 rows in set (0.00 sec)", "",
    ] {
      #expect(!ParserFeed.recognizes(ProcesslistVerticalParser.self, line), "\(line)")
    }
  }

  @Test("detection picks the vertical parser for \\G output, the table parser for tables")
  func detection() throws {
    for (text, format) in [
      ("TS 100 x\n" + Self.block([Self.sleeper(1)]), Format.mysqlProcesslistVertical),
      (
        "TS 100 x\n"
          + ProcesslistTableParserTests.table(
            ProcesslistTableParserTests.header, [ProcesslistTableParserTests.sleeper]
          ).joined(separator: "\n"), .mysqlProcesslistTable
      ),
    ] {
      var reader = SourceReader(source: Source(path: try LogLineHarness.temporaryFile(text)))
      try reader.read { _, _ in }
      #expect(reader.stats.format == format)
      #expect(reader.stats.records == 1)
    }
  }

  @Test("damaged blocks never crash the parser or the recogniser, and each line gives one record")
  func damagedLines() {
    let block =
      ["TS 1764212400.250 2026-11-27 03:00:00"]
      + Self.block([Self.query(1), Self.sleeper(2)])
      .split(separator: "\n").map(String.init)
    let lines = DamagedLines.variants(of: block, seed: 0x5E47, count: 300)
    let run = ParserFeed.run(ProcesslistVerticalParser.self, bytes: Array(lines.joined(separator: [0x0A])))
    #expect(run.records.count >= lines.count)
    for line in lines { _ = line.withUnsafeBytes(ProcesslistVerticalParser.recognizes) }
  }

  typealias Fields = [(String, String)]

  static func sleeper(_ id: Int) -> Fields {
    [
      ("Id", "\(id)"), ("User", "shipping"), ("Host", "10.0.0.5:41000"), ("db", "cities"),
      ("Command", "Sleep"),
      ("Time", "1800"), ("State", ""), ("Info", "NULL"),
    ]
  }

  static func query(_ id: Int) -> Fields {
    [
      ("Id", "\(id)"), ("User", "ratings"), ("Host", "10.0.0.6:52000"), ("db", "ratings"),
      ("Command", "Query"),
      ("Time", "0"), ("State", "starting"), ("Info", "SELECT 1 + 1 FROM DUAL"),
    ]
  }

  /// Prints rows as the client's `\G` does: a numbered marker per row, labels right-aligned to the longest
  /// (over every row of the result, `extra` columns included), `Name:` alone for an empty value.
  static func block(_ rows: [Fields], extra: Fields = []) -> String {
    let width = (rows.flatMap { $0 } + extra).map(\.0.count).max() ?? 0
    var lines: [String] = []
    for (index, fields) in rows.enumerated() {
      lines.append("*************************** \(index + 1). row ***************************")
      for (name, value) in fields + extra {
        let label = String(repeating: " ", count: width - name.count) + name + ":"
        lines.append(value.isEmpty ? label : label + " " + value)
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func onlySnapshot(_ text: String) throws -> ProcesslistSnapshot {
    let run = ParserFeed.run(ProcesslistVerticalParser.self, text)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let snapshots = run.records.compactMap(ParserFeed.snapshot)
    try #require(snapshots.count == 1)
    return snapshots[0]
  }
}
