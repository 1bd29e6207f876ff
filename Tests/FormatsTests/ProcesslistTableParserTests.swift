import Foundation
import Testing

@testable import Formats

@Suite("MySQL processlist, table form")
struct ProcesslistTableParserTests {
  private static let rdsCapture = """
    TS 1764212400.250 2026-11-27 03:00:00
    mysql> show processlist;
    +-------+----------+------------------+-------+---------+------+-------------+------------------+
    | Id    | User     | Host             | db    | Command | Time | State       | Info             |
    +-------+----------+------------------+-------+---------+------+-------------+------------------+
    | 52605 | rdsadmin | localhost:26632  | mysql | Sleep   |   13 |             | NULL             |
    | 94655 | awsuser  | 10.0.0.206:58658 | NULL  | Query   |    0 | System lock | show processlist |
    +-------+----------+------------------+-------+---------+------+-------------+------------------+
    2 rows in set (0.00 sec)
    """

  @Test("a table after a TS line is one snapshot at the TS epoch, returned at its closing border")
  func singleSnapshot() throws {
    let run = ParserFeed.run(ProcesslistTableParser.self, Self.rdsCapture)
    #expect(run.records.count == 9)
    #expect(run.records.enumerated().allSatisfy { $0.offset == 7 || $0.element == .structure })
    let snapshot = try #require(ParserFeed.snapshot(run.records[7]))
    #expect(snapshot.time == Timestamp(milliseconds: 1_764_212_400_250))
    #expect(snapshot.line == 3)
    #expect(
      snapshot.rows == [
        ProcesslistRow(
          id: 52605, user: "rdsadmin", host: "localhost:26632", database: "mysql", command: "Sleep",
          seconds: 13,
          state: nil, info: nil),
        ProcesslistRow(
          id: 94655, user: "awsuser", host: "10.0.0.206:58658", database: nil, command: "Query", seconds: 0,
          state: "System lock", info: "show processlist"),
      ])
    #expect(!run.parser.assumedZone)
  }

  @Test("two TS blocks give two snapshots, each at its own time and line")
  func twoSnapshots() throws {
    let second = Self.rdsCapture.replacingOccurrences(of: "TS 1764212400.250", with: "TS 1764212430.0004")
      .replacingOccurrences(of: "|   13 |", with: "|   43 |")
    let run = ParserFeed.run(ProcesslistTableParser.self, Self.rdsCapture + "\n" + second)
    let snapshots = run.records.compactMap(ParserFeed.snapshot)
    #expect(snapshots.count == 2)
    #expect(snapshots.map(\.time.milliseconds) == [1_764_212_400_250, 1_764_212_430_000])
    #expect(snapshots.map(\.line) == [3, 12])
    #expect(snapshots.map { $0.rows[0].seconds } == [13, 43])
  }

  @Test("TS fractions round to the nearest millisecond")
  func stampRounding() throws {
    for (fraction, milliseconds) in [("002113337", 2), ("0025", 3), ("9996", 1000), ("", 0), ("5", 500)] {
      let stamp = "TS 1520256297\(fraction.isEmpty ? "" : ".")\(fraction) 2018-03-05 13:24:57"
      let table = Self.table(Self.header, [Self.sleeper]).joined(separator: "\n")
      let run = ParserFeed.run(ProcesslistTableParser.self, stamp + "\n" + table)
      let snapshot = try #require(run.records.compactMap(ParserFeed.snapshot).first)
      #expect(snapshot.time.milliseconds == 1_520_256_297_000 + Int64(milliseconds), "\(stamp)")
    }
  }

  @Test("cells are cut at the border's corners, so values may contain `|`")
  func pipesInValues() throws {
    let info = "SELECT a || b FROM t WHERE c = '|' /* x | y */"
    let lines = Self.table(
      Self.header, [["7", "shipping", "10.0.0.5:41000", "cities", "Query", "2", "executing", info]])
    let snapshot = try Self.onlySnapshot(lines)
    #expect(snapshot.rows.first?.info == info)
    #expect(snapshot.rows.first?.state == "executing")
  }

  @Test("multi-byte text, padded by characters rather than bytes, still lands in its own cell")
  func multiByteValues() throws {
    let info = "SELECT * FROM città WHERE nome = 'Zürich' -- 東京"
    let lines = Self.table(
      Self.header,
      [["8", "ratings", "10.0.0.6:41001", "ratings", "Query", "1", "Sending data", info], Self.sleeper])
    let snapshot = try Self.onlySnapshot(lines)
    #expect(snapshot.rows.map(\.info) == [info, nil])
    #expect(snapshot.rows.map(\.user) == ["ratings", "shipping"])
  }

  @Test("NULL and empty are absent for db, State and Info; NULL Time reads as 0")
  func nullAndEmpty() throws {
    let lines = Self.table(
      Self.header,
      [
        ["1", "event_scheduler", "localhost", "NULL", "Daemon", "NULL", "Waiting on empty queue", "NULL"],
        ["2", "shipping", "10.0.0.5:1", "", "Sleep", "1203", "", ""],
        ["3", "shipping", "10.0.0.5:2", "cities", "Sleep", "1199", "NULL", "NULL"],
      ])
    let rows = try Self.onlySnapshot(lines).rows
    #expect(rows.map(\.database) == [nil, nil, "cities"])
    #expect(rows.map(\.state) == ["Waiting on empty queue", nil, nil])
    #expect(rows.map(\.info) == [nil, nil, nil])
    #expect(rows.map(\.seconds) == [0, 1203, 1199])
  }

  @Test("extra columns such as MariaDB's Progress are ignored")
  func progressColumn() throws {
    let lines = Self.table(
      Self.header + ["Progress"],
      [
        ["33064", "rdsadmin", "localhost", "mysql", "Sleep", "0", "", "NULL", "0.000"],
        ["40456", "poapper", "172.xxx.xxx.xxx:37242", "popo", "Sleep", "1163", "", "NULL", "0.000"],
        ["42675", "poapper", "172.xxx.xxx.xxx:57378", "popo", "Sleep", "7704", "", "NULL", "0.000"],
      ])
    let rows = try Self.onlySnapshot(lines).rows
    #expect(rows.map(\.id) == [33064, 40456, 42675])
    #expect(rows.map(\.seconds) == [0, 1163, 7704])
    #expect(rows.allSatisfy { $0.command == "Sleep" && $0.info == nil })
  }

  @Test("information_schema's upper-case headers and Percona's extra columns read the same")
  func upperCaseHeaders() throws {
    let lines = Self.table(
      [
        "ID", "USER", "HOST", "DB", "COMMAND", "TIME", "STATE", "INFO", "TIME_MS", "ROWS_SENT",
        "ROWS_EXAMINED",
      ],
      [["11", "shipping", "10.0.0.5:3", "cities", "Sleep", "1500", "", "NULL", "1500123", "0", "0"]])
    let row = try #require(try Self.onlySnapshot(lines).rows.first)
    #expect(
      row
        == ProcesslistRow(
          id: 11, user: "shipping", host: "10.0.0.5:3", database: "cities", command: "Sleep", seconds: 1500,
          state: nil, info: nil))
  }

  @Test("a snapshot with no TS line and no time in the file name is malformed, naming its line, and a fault")
  func missingTime() {
    let run = ParserFeed.run(
      ProcesslistTableParser.self, "\n" + Self.table(Self.header, [Self.sleeper]).joined(separator: "\n"))
    #expect(run.records.compactMap(ParserFeed.snapshot).isEmpty)
    #expect(
      run.records.contains(
        .malformed(
          reason: "no time for the processlist snapshot at line 2: add TS lines or keep pt-stalk's file name")
      ))
    #expect(run.parser.fault == .untimedSnapshot(path: "evidence.txt", line: 2))
  }

  @Test(
    "performance_schema.threads' PROCESSLIST_ columns map by name; a NULL id (a background thread) is skipped"
  )
  func threadsColumns() throws {
    let header = [
      "THREAD_ID", "NAME", "PROCESSLIST_ID", "PROCESSLIST_USER", "PROCESSLIST_HOST", "PROCESSLIST_DB",
      "PROCESSLIST_COMMAND", "PROCESSLIST_TIME", "PROCESSLIST_STATE", "PROCESSLIST_INFO",
    ]
    let lines = Self.table(
      header,
      [
        ["1", "thread/sql/main", "NULL", "NULL", "NULL", "NULL", "NULL", "1800", "NULL", "NULL"],
        [
          "48", "thread/sql/one_connection", "7", "shipping", "10.0.0.5", "cities", "Sleep", "1750", "",
          "NULL",
        ],
      ])
    let run = ParserFeed.run(ProcesslistTableParser.self, "TS 100 x\n" + lines.joined(separator: "\n"))
    #expect(
      run.records.compactMap(ParserFeed.snapshot).map(\.rows) == [
        [
          ProcesslistRow(
            id: 7, user: "shipping", host: "10.0.0.5", database: "cities", command: "Sleep", seconds: 1750,
            state: nil, info: nil)
        ]
      ])
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "row at line 5: Id is NULL: a background thread, not a client connection")
      ])
  }

  @Test("a table cut mid-row reports the cut line by number; the rows before it still count")
  func cutMidRow() throws {
    var lines = Self.table(Self.header, [Self.sleeper, Self.sleeper])
    lines.removeLast()
    lines[lines.count - 1] = String(lines[lines.count - 1].prefix(20))
    let run = ParserFeed.run(ProcesslistTableParser.self, "TS 100 x\n" + lines.joined(separator: "\n"))
    #expect(run.records.compactMap(ParserFeed.snapshot).map(\.rows.count) == [1])
    #expect(
      run.records.filter(ParserFeed.isMalformed) == [
        .malformed(reason: "row at line 6 does not fit the columns of the table at line 2")
      ])
  }

  @Test("without a TS line, a pt-stalk file name gives the time, read in the given zone")
  func fileNameTime() throws {
    let text = Self.table(Self.header, [Self.sleeper]).joined(separator: "\n")
    let run = ParserFeed.run(
      ProcesslistTableParser.self, text, path: "/evidence/db/2026_11_27_03_00_00-processlist",
      utcOffsetSeconds: 3600)
    let snapshot = try #require(run.records.compactMap(ParserFeed.snapshot).first)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(secondsFromGMT: 3600))
    let expected = try #require(
      calendar.date(from: DateComponents(year: 2026, month: 11, day: 27, hour: 3, minute: 0, second: 0)))
    #expect(snapshot.time.milliseconds == Int64(expected.timeIntervalSince1970) * 1000)
    #expect(run.parser.assumedZone)
  }

  @Test("a TS line beats the file name, and then no zone is assumed")
  func stampBeatsFileName() throws {
    let text =
      "TS 1764212400 2026-11-27 03:00:00\n" + Self.table(Self.header, [Self.sleeper]).joined(separator: "\n")
    let run = ParserFeed.run(
      ProcesslistTableParser.self, text, path: "2026_11_27_04_00_00-processlist", utcOffsetSeconds: 3600)
    #expect(run.records.compactMap(ParserFeed.snapshot).map(\.time.milliseconds) == [1_764_212_400_000])
    #expect(!run.parser.assumedZone)
  }

  @Test("`N rows in set` closes a table missing its last border; finish() returns one still open")
  func unclosedTables() throws {
    var lines = Self.table(Self.header, [Self.sleeper])
    lines.removeLast()
    let closedByTrailer = ParserFeed.run(
      ProcesslistTableParser.self, "TS 1 x\n" + lines.joined(separator: "\n") + "\n1 row in set (0.00 sec)")
    #expect(closedByTrailer.records.compactMap(ParserFeed.snapshot).map(\.rows.count) == [1])
    let cutOff = ParserFeed.run(ProcesslistTableParser.self, "TS 1 x\n" + lines.joined(separator: "\n"))
    #expect(cutOff.records.count == lines.count + 2)
    #expect(ParserFeed.snapshot(cutOff.records.last!)?.rows.count == 1)
  }

  @Test("a TS line in the middle of a table ends it with the earlier time")
  func interruptedTable() throws {
    var lines = Self.table(Self.header, [Self.sleeper])
    lines.removeLast()
    let text =
      "TS 100 x\n" + lines.joined(separator: "\n") + "\nTS 200 y\n"
      + Self.table(Self.header, [Self.sleeper]).joined(separator: "\n")
    let snapshots = ParserFeed.run(ProcesslistTableParser.self, text).records.compactMap(ParserFeed.snapshot)
    #expect(snapshots.map(\.time.milliseconds) == [100_000, 200_000])
  }

  @Test("`Empty set` is a snapshot with no rows")
  func emptySet() throws {
    let run = ParserFeed.run(
      ProcesslistTableParser.self,
      "TS 100 x\nmysql> select * from information_schema.processlist where user = 'x';\nEmpty set (0.00 sec)")
    #expect(
      run.records.compactMap(ParserFeed.snapshot) == [
        ProcesslistSnapshot(time: Timestamp(milliseconds: 100_000), line: 3, rows: [])
      ])
  }

  @Test("a table of something else is reported once per line and yields no snapshot")
  func foreignTable() {
    let text =
      "TS 100 x\n"
      + Self.table(
        ["Variable_name", "Value"], [["Threads_connected", "151"], ["Max_used_connections", "152"]]
      ).joined(separator: "\n") + "\n2 rows in set (0.00 sec)\n"
      + Self.table(Self.header, [Self.sleeper]).joined(separator: "\n")
    let run = ParserFeed.run(ProcesslistTableParser.self, text)
    #expect(run.records.compactMap(ParserFeed.snapshot).map(\.rows.count) == [1])
    #expect(run.records.filter(ParserFeed.isMalformed).count == 3)
  }

  @Test("rows that do not fit, or bad numbers, are malformed and the table goes on")
  func badRows() throws {
    var lines = Self.table(
      Self.header,
      [
        Self.sleeper, ["x1", "u", "h", "d", "Sleep", "1", "", "NULL"],
        ["5", "u", "h", "d", "Sleep", "soon", "", "NULL"], Self.sleeper,
      ])
    lines.insert("| 9 | short |", at: 4)
    lines.insert("a stray line", at: 5)
    let run = ParserFeed.run(ProcesslistTableParser.self, "TS 100 x\n" + lines.joined(separator: "\n"))
    #expect(run.records.compactMap(ParserFeed.snapshot).map(\.rows.count) == [2])
    #expect(run.records.filter(ParserFeed.isMalformed).count == 4)
  }

  @Test("recognises borders and Id headers, not TS lines (other captures have them), rows or prose")
  func recognition() {
    for line in [
      "+----+------+", "| Id | User | Host |",
      "| ID    | USER |",
    ] {
      #expect(ParserFeed.recognizes(ProcesslistTableParser.self, line), "\(line)")
    }
    for line in [
      "| 52605 | rdsadmin | localhost:26632  |", "TS 1520256297.002113337 2018-03-05 13:24:57", "TS",
      "TS now", "mysql> show processlist;", "+", "+--x--+",
      "2 rows in set (0.00 sec)", "| Identity |", "",
    ] {
      #expect(!ParserFeed.recognizes(ProcesslistTableParser.self, line), "\(line)")
    }
  }

  @Test("damaged tables never crash the parser or the recogniser, and each line gives one record")
  func damagedLines() {
    let table =
      ["TS 1764212400.250 2026-11-27 03:00:00"]
      + Self.table(Self.header + ["Progress"], [Self.sleeper + ["0.000"]])
    let lines = DamagedLines.variants(of: table, seed: 0x7AB1E, count: 300)
    let run = ParserFeed.run(ProcesslistTableParser.self, bytes: Array(lines.joined(separator: [0x0A])))
    #expect(run.records.count >= lines.count)
    for line in lines { _ = line.withUnsafeBytes(ProcesslistTableParser.recognizes) }
  }

  static let header = ["Id", "User", "Host", "db", "Command", "Time", "State", "Info"]
  static let sleeper = ["41", "shipping", "10.0.0.5:40000", "cities", "Sleep", "1800", "", "NULL"]

  /// Draws a result set the way the `mysql` client does: each column as wide as its widest cell counted in
  /// characters, numbers right-aligned, one blank of padding on each side.
  static func table(_ header: [String], _ rows: [[String]]) -> [String] {
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return Int(cell) != nil ? padding + cell : cell + padding
      }
      return "| " + padded.joined(separator: " | ") + " |"
    }
    return [border, line(header), border] + rows.map(line) + [border]
  }

  private static func onlySnapshot(_ lines: [String]) throws -> ProcesslistSnapshot {
    let run = ParserFeed.run(
      ProcesslistTableParser.self, "TS 1764212400 2026-11-27 03:00:00\n" + lines.joined(separator: "\n"))
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let snapshots = run.records.compactMap(ParserFeed.snapshot)
    try #require(snapshots.count == 1)
    return snapshots[0]
  }
}
