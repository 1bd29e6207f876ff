import Foundation
import Ingest
import Testing

@testable import Formats

/// A 200 MB exposition dump read through `SourceReader`: memory stays that of its chunks and series table,
/// whatever the file's size. Resident memory is read from `/proc/self/statm` while reading, against before.
@Suite(
  "A large exposition dump", .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")),
  .serialized)
struct LargeExpositionTests {
  static let megabytes =
    Int(ProcessInfo.processInfo.environment["POSTMORTEM_LARGE_EXPOSITION_MB"] ?? "") ?? 200

  @Test("200 MB of scrapes are read whole in bounded memory")
  func boundedMemory() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "large-\(UUID().uuidString).prom"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let written = try Self.write(path, bytes: Self.megabytes * 1_000_000)

    let before = Self.residentBytes()
    var peak = before
    var samples = 0
    var reader = SourceReader(source: Source(path: path))
    try reader.read { record, _ in
      guard case .sample = record else { return }
      samples += 1
      if samples % 500_000 == 0 { peak = max(peak, Self.residentBytes()) }
    }
    #expect(reader.stats.skipped == 0)
    #expect(reader.stats.bytesDecoded == written)
    #expect(samples == reader.stats.records)
    #expect(reader.series.count == 100)
    // The file is 200 MB; reading it may hold a few chunks and the series, never the file.
    #expect(peak - before < 120_000_000, "grew by \((peak - before) / 1_000_000) MB")
  }

  /// Scrapes of 100 series every 10 s until `bytes` are written; returns the size.
  private static func write(_ path: String, bytes: Int) throws -> Int {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var written = 0
    var scrape: Int64 = 0
    while written < bytes {
      var block = "# TYPE http_requests_total counter\n"
      let time = 1_795_748_400_000 + scrape * 10_000
      for series in 0..<100 {
        block +=
          "http_requests_total{service=\"svc\(series % 10)\",code=\"\(200 + series)\"} \(scrape * 7 + Int64(series)) \(time)\n"
      }
      let data = Data(block.utf8)
      try handle.write(contentsOf: data)
      written += data.count
      scrape += 1
    }
    return written
  }

  /// The process's resident set, from the second field of `/proc/self/statm` (pages).
  private static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
