import Foundation
import Ingest
import Testing

@testable import Formats

/// A pt-stalk collection directory read file by file: the name decides what a file is.
@Suite("pt-stalk collections")
struct PtStalkCollectionTests {
  static let vmstat = """
    procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----
     r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st
     1  0      0 812344  10240 512000    0    0     3     9   40   80  3  1 95  1  0
     2  0      0 812300  10240 512000    0    0     0     0  110  220 10  2 88  0  0
    31  1      0 812200  10240 512000    0    0     0   120 4100 9200 80 17  1  2  0

    """

  @Test("the OS files are named and skipped, -vmstat gives CPU from the capture time on, -lock-waits is read")
  func verdicts() {
    let prefix = "/var/lib/pt-stalk/2026_11_29_02_15_13-"
    #expect(PtStalkCollection.verdict(for: prefix + "vmstat") == .read(.vmstat))
    #expect(PtStalkCollection.verdict(for: prefix + "lock-waits") == .read(.mysqlLockWaits))
    #expect(PtStalkCollection.verdict(for: prefix + "innodbstatus2") == .read(.mysqlInnoDBStatus))
    #expect(PtStalkCollection.verdict(for: prefix + "processlist") == .sniff)
    for suffix in [
      "df", "top", "iostat", "netstat_s", "meminfo", "procstat", "diskstats", "ps", "trigger", "zzz",
    ] {
      guard case .skip(let reason) = PtStalkCollection.verdict(for: prefix + suffix) else {
        Issue.record("-\(suffix) is not skipped")
        continue
      }
      #expect(reason.contains("-\(suffix)"))
    }
    #expect(PtStalkCollection.verdict(for: "/logs/shipping.log") == nil)
  }

  @Test("a skipped file is a named fault with every line skipped, never a text log")
  func skippedFile() throws {
    let path = try LogLineHarness.temporaryFile(
      "2026-11-29 02:15:13 top - 02:15:13 up 3 days, load average: 9.1\n", name: "2026_11_29_02_15_13-top")
    var reader = SourceReader(source: Source(path: path))
    var records = 0
    #expect(throws: FormatError.self) { try reader.read { _, _ in records += 1 } }
    #expect(records == 0 && reader.stats.format == nil && reader.stats.skipped == 1)
    #expect(reader.failure?.reason.contains("-top") == true)
  }

  @Test("vmstat: CPU busy from the second line on, a second apart from the name's time in --tz")
  func vmstatSamples() throws {
    let path = try LogLineHarness.temporaryFile(Self.vmstat, name: "2026_11_29_03_15_13-vmstat")
    var reader = SourceReader(source: Source(path: path), options: ReadOptions(utcOffsetSeconds: 3600))
    var busy: [(Int64, Double)] = []
    try reader.read { record, _ in
      if case .sample(let sample) = record, sample.series == 0 {
        busy.append((sample.time.milliseconds, sample.value))
      }
    }
    #expect(reader.stats.format == .vmstat)
    #expect(reader.series.first?.name == "vmstat_cpu_busy_percent")
    let start = Timestamp(rfc3339: "2026-11-29T02:15:13Z")!.milliseconds
    #expect(busy.map(\.0) == [start, start + 1000])
    #expect(busy.map(\.1) == [12, 99])
  }
}
