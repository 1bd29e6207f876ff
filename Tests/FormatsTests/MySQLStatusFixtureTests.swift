import Foundation
import Testing

@testable import Formats

/// Real `mysqladmin extended-status` captures from percona-toolkit's pt-mext tests, read under pt-stalk
/// file names, checked against values taken from the text with plain string processing.
@Suite("MySQL status fixtures", .enabled(if: DatabaseFixtures.directory != nil))
struct MySQLStatusFixtureTests {
  /// Each table of a capture: its rows' names and values, as printed, in order.
  private static func tables(_ relative: String) throws -> [[(name: String, value: String)]] {
    var tables: [[(name: String, value: String)]] = []
    for line in try DatabaseFixtures.lines(relative) where line.hasPrefix("|") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      if cells.first == "Variable_name" {
        tables.append([])
      } else {
        tables[tables.count - 1].append((cells[0], cells.count > 1 ? cells[1] : ""))
      }
    }
    return tables
  }

  /// The values of one series, in sample order.
  private static func values(
    _ run: ParserFeed.Run<StatusTableParser>, _ series: MetricSeries
  ) throws -> [Double] {
    let index = try #require(run.parser.series.firstIndex(of: series), "\(series.name)")
    return run.records.compactMap(ParserFeed.sample).filter { $0.series == index }.map(\.value)
  }

  @Test(
    "pt-130 (5.7, 30 one-second tables): every number is a sample, text rows are not, times follow Uptime")
  func absoluteCapture() throws {
    let tables = try Self.tables("percona/pt-130-in.txt")
    #expect(tables.count == 30)
    let run = ParserFeed.run(
      StatusTableParser.self, bytes: try DatabaseFixtures.bytes("percona/pt-130-in.txt"),
      path: "/captures/2017_04_21_15_06_30-mysqladmin")
    #expect(run.failure == nil)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    let samples = run.records.compactMap(ParserFeed.sample)
    let numbers = tables.map { $0.filter { Double($0.value) != nil } }
    #expect(samples.count == numbers.map(\.count).reduce(0, +))
    #expect(numbers[0].count < tables[0].count, "text rows such as Max_used_connections_time are left out")

    func column(_ name: String) -> [Double] {
      tables.map { table in Double(table.first { $0.name == name }!.value)! }
    }
    let threads = MetricSeries(name: "mysql_global_status_threads_connected", labels: [], kind: .gauge)
    #expect(try Self.values(run, threads) == column("Threads_connected"))
    let bytes = MetricSeries(name: "mysql_global_status_bytes_received", labels: [], kind: .counter)
    #expect(try Self.values(run, bytes) == column("Bytes_received"))
    let refused = MetricSeries(
      name: "mysql_global_status_connection_errors_total",
      labels: [MetricSeries.Label(name: "error", value: "max_connections")], kind: .counter)
    #expect(try Self.values(run, refused) == column("Connection_errors_max_connections"))
    let maxUsed = MetricSeries(name: "mysql_global_status_max_used_connections", labels: [], kind: .gauge)
    #expect(try Self.values(run, maxUsed) == column("Max_used_connections"))

    let start = Int64(1_492_787_190_000)  // 2017-04-21 15:06:30 UTC
    let uptime = column("Uptime")
    let times = Set(samples.map(\.time.milliseconds)).sorted()
    #expect(times == uptime.map { start + Int64(($0 - uptime[0]) * 1000) })
    #expect(run.parser.assumedZone)
  }

  @Test("mext-001 (-r): values are summed back, and their differences are pt-mext's columns")
  func relativeCapture() throws {
    let run = ParserFeed.run(
      StatusTableParser.self, bytes: try DatabaseFixtures.bytes("percona/mext-001.txt"),
      path: "2010_01_01_00_00_00-mysqladmin")
    #expect(run.failure == nil)
    #expect(run.records.filter(ParserFeed.isMalformed).isEmpty)
    #expect(try Self.tables("percona/mext-001.txt").count == 4)

    var checked = 0
    for line in try DatabaseFixtures.lines("percona/mext-001-result.txt") {
      let fields = line.split(separator: " ")
      guard fields.count == 5 else { continue }
      let expected = fields.dropFirst().map { Double($0)! }
      let values = try Self.values(run, ExporterNames.status(String(fields[0])))
      #expect(values.count == 4, "\(fields[0])")
      guard values.count == 4 else { continue }
      let differences = [values[0]] + (1..<4).map { values[$0] - values[$0 - 1] }
      #expect(differences == expected, "\(fields[0])")
      checked += 1
    }
    #expect(checked == 252)

    let threads = MetricSeries(name: "mysql_global_status_threads_connected", labels: [], kind: .gauge)
    #expect(try Self.values(run, threads) == [2, 2, 2, 2])
    let times = Set(run.records.compactMap(ParserFeed.sample).map(\.time.milliseconds)).sorted()
    let start = Int64(1_262_304_000_000)  // 2010-01-01 00:00:00 UTC
    #expect(times == [0, 3, 7, 10].map { start + $0 * 1000 })
  }

  @Test("mext-001 under its own name has no time: the file fails, naming itself")
  func untimedCapture() throws {
    let run = ParserFeed.run(
      StatusTableParser.self, bytes: try DatabaseFixtures.bytes("percona/mext-001.txt"), path: "mext-001.txt")
    #expect(run.records.compactMap(ParserFeed.sample).isEmpty)
    guard case .untimed(let path, let line, _) = try #require(run.failure) else {
      Issue.record("expected an untimed failure")
      return
    }
    #expect(path == "mext-001.txt")
    #expect(line == 1)
  }
}
