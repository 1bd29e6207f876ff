import Foundation
import Ingest
import Testing

@Suite("Real logs read alike in every compression", .enabled(if: Fixtures.available, "fixtures absent"))
struct FixtureRoundTripTests {
  @Test("each real log yields the same lines plain, as multi-member gzip and as concatenated lz4 frames")
  func roundTrip() throws {
    let (sources, errors) = SourceDiscovery.sources(for: [Fixtures.root + "/loghub-2k"])
    #expect(errors.isEmpty)
    let logs = sources.filter { $0.path.hasSuffix(".log") }
    try #require(!logs.isEmpty)
    let directory = try TemporaryDirectory()

    for log in logs {
      let plain = try ReadOutcome(path: log.path)
      #expect(plain.error == nil, "\(log.path)")
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: log.path)))
      let middle = bytes.count / 3
      let gzip = try directory.write(
        Compressors.gzip(Array(bytes[..<middle])) + Compressors.gzip(Array(bytes[middle...])), to: "log.gz")
      let lz4 = try directory.write(
        Compressors.lz4Frame(Array(bytes[..<middle])) + Compressors.lz4Frame(Array(bytes[middle...])),
        to: "log.lz4")

      for packed in [gzip, lz4] {
        let outcome = try ReadOutcome(path: packed)
        #expect(outcome.error == nil, "\(log.path)")
        #expect(outcome.lines == plain.lines, "\(log.path)")
        #expect(outcome.reader.bytesDecoded == bytes.count, "\(log.path)")
      }
    }
  }
}
