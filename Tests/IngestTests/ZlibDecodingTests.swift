import Testing

@testable import Ingest

@Suite("raw zlib decoding")
struct ZlibDecodingTests {
  @Test("zlib streams of every header zlib writes are detected and read")
  func everyLevel() throws {
    let lines = sampleLines(2000)
    let directory = try TemporaryDirectory()
    var headers: Set<UInt8> = []
    for level: Int32 in [1, 3, 6, 9] {
      let bytes = try Compressors.zlib(joined(lines), level: level)
      headers.insert(bytes[1])
      let path = try directory.write(bytes, to: "level-\(level).zz")

      let outcome = try ReadOutcome(path: path)

      #expect(outcome.error == nil, "level \(level)")
      #expect(outcome.reader.compression == .zlib, "level \(level)")
      #expect(outcome.text == lines, "level \(level)")
      #expect(outcome.reader.bytesRead == bytes.count, "level \(level)")
    }
    #expect(headers == [0x01, 0x5E, 0x9C, 0xDA])
  }

  @Test("a truncated zlib stream delivers the whole lines before the cut, then reports the offset reached")
  func truncated() throws {
    let lines = sampleLines(4000)
    let whole = try Compressors.zlib(joined(lines))
    let cut = Array(whole[..<(whole.count / 2)])
    let directory = try TemporaryDirectory()
    let path = try directory.write(cut, to: "cut.zz")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == .truncated(path: path, compression: .zlib, offset: cut.count))
    #expect(outcome.lines.count > 0)
    #expect(outcome.lines.count < lines.count)
    #expect(outcome.text == Array(lines[..<outcome.lines.count]))
  }

  @Test("a damaged Adler-32 trailer is corrupt zlib, after every line")
  func corruptTrailer() throws {
    let lines = sampleLines(500)
    var bytes = try Compressors.zlib(joined(lines))
    bytes[bytes.count - 1] ^= 0x01
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "trailer.zz")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.text == lines)
    guard case .corrupt(_, .zlib, _, let detail) = outcome.error else {
      Issue.record("expected corrupt zlib, got \(String(describing: outcome.error))")
      return
    }
    #expect(!detail.isEmpty)
  }
}
