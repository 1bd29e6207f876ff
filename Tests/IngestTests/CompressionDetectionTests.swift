import Testing

@testable import Ingest

@Suite("Compression is detected from magic bytes")
struct CompressionDetectionTests {
  @Test("gzip, zlib, lz4 and zstd frames are recognised, skippable frames by the frame after; else plain")
  func magicBytes() {
    let skippable: [UInt8] = [0x5A, 0x2A, 0x4D, 0x18, 0x02, 0x00, 0x00, 0x00, 0xEE, 0xEE]
    let cases: [([UInt8], Compression)] = [
      ([0x1F, 0x8B, 0x08, 0x00], .gzip),
      ([0x1F, 0x8B], .gzip),
      ([0x78, 0x01], .zlib),
      ([0x78, 0x5E], .zlib),
      ([0x78, 0x9C, 0x4B, 0x4C], .zlib),
      ([0x78, 0xDA], .zlib),
      ([0x04, 0x22, 0x4D, 0x18], .lz4),
      ([0x28, 0xB5, 0x2F, 0xFD], .zstd),
      ([0x5A, 0x2A, 0x4D, 0x18], .lz4),
      (skippable + [0x04, 0x22, 0x4D, 0x18], .lz4),
      (skippable + [0x28, 0xB5, 0x2F, 0xFD], .zstd),
      (skippable + skippable + [0x28, 0xB5, 0x2F, 0xFD], .zstd),
      (skippable + [0x28, 0xB5, 0x2F], .lz4),
      (Array(skippable.dropLast()) + [0x28, 0xB5, 0x2F, 0xFD], .lz4),
      (skippable + Array("2026-11-27".utf8), .lz4),
      ([0x04, 0x22, 0x4D], .plain),
      ([0x28, 0xB5, 0x2F], .plain),
      ([0x1F, 0x8C, 0x08, 0x00], .plain),
      ([0x78], .plain),
      (Array("x-request-id: 7".utf8), .plain),
      (Array("2026-11-27".utf8), .plain),
      ([], .plain),
    ]
    for (magic, expected) in cases {
      let detected = magic.withUnsafeBytes { Compression(magic: $0) }
      #expect(detected == expected, "magic \(magic)")
    }
  }

  @Test("a file's name does not decide its compression")
  func nameIsIgnored() throws {
    let directory = try TemporaryDirectory()
    let lines = sampleLines(20)
    let plainNamedGzip = try directory.write(joined(lines), to: "plain.log.gz")
    let gzipNamedLog = try directory.write(try Compressors.gzip(joined(lines)), to: "packed.log")
    let lz4NamedTxt = try directory.write(try Compressors.lz4Frame(joined(lines)), to: "packed.txt")

    let plain = try ReadOutcome(path: plainNamedGzip)
    let gzip = try ReadOutcome(path: gzipNamedLog)
    let lz4 = try ReadOutcome(path: lz4NamedTxt)

    #expect(plain.reader.compression == .plain)
    #expect(gzip.reader.compression == .gzip)
    #expect(lz4.reader.compression == .lz4)
    for outcome in [plain, gzip, lz4] {
      #expect(outcome.error == nil)
      #expect(outcome.text == lines)
    }
  }

  @Test("random bytes are read as plain lines, none lost, none invented")
  func randomBytesArePlain() throws {
    var generator = SeededGenerator(seed: 7)
    var bytes = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[0] = 0x41
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "noise.bin")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.reader.compression == .plain)
    var expected = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
      line.last == 0x0D ? Array(line.dropLast()) : Array(line)
    }
    if bytes.last == 0x0A { expected.removeLast() }
    #expect(outcome.lines == expected)
    #expect(outcome.reader.bytesRead == bytes.count)
    #expect(outcome.reader.bytesDecoded == bytes.count)
  }
}
