import Testing

@testable import Ingest

@Suite("gzip decoding")
struct GzipDecodingTests {
  @Test("multi-member gzip yields every member's lines, in order")
  func multiMember() throws {
    let first = sampleLines(500, tag: "first")
    let second = sampleLines(3, tag: "second")
    let third = sampleLines(800, tag: "third")
    let bytes =
      try Compressors.gzip(joined(first)) + Compressors.gzip(joined(second), level: 1)
      + Compressors.gzip(joined(third), level: 9)
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "members.gz")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.text == first + second + third)
    #expect(outcome.numbers == Array(1...(first.count + second.count + third.count)))
    #expect(outcome.reader.bytesRead == bytes.count)
    #expect(outcome.reader.bytesDecoded == joined(first + second + third).count)
  }

  @Test("tiny read and decode buffers give the same lines as large ones")
  func tinyBuffers() throws {
    let lines = sampleLines(300)
    let bytes =
      try Compressors.gzip(joined(Array(lines[..<150]))) + Compressors.gzip(joined(Array(lines[150...])))
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "tiny.gz")

    for (inputSize, chunkSize) in [(1, 1), (3, 7), (16, 5), (4096, 13)] {
      let outcome = try ReadOutcome(path: path) { reader in
        reader.inputBufferSize = inputSize
        reader.decodedChunkSize = chunkSize
      }
      #expect(outcome.error == nil, "buffers \(inputSize)/\(chunkSize)")
      #expect(outcome.text == lines, "buffers \(inputSize)/\(chunkSize)")
    }
  }

  @Test("a truncated gzip delivers the whole lines before the cut, then reports the offset reached")
  func truncated() throws {
    let lines = sampleLines(4000)
    let whole = try Compressors.gzip(joined(lines))
    let cut = Array(whole[..<(whole.count / 2)])
    let directory = try TemporaryDirectory()
    let path = try directory.write(cut, to: "cut.gz")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == .truncated(path: path, compression: .gzip, offset: cut.count))
    #expect(outcome.lines.count > 0)
    #expect(outcome.lines.count < lines.count)
    #expect(outcome.text == Array(lines[..<outcome.lines.count]))
  }

  @Test("a gzip cut inside its header is truncated, with no lines")
  func truncatedHeader() throws {
    let whole = try Compressors.gzip(joined(sampleLines(10)))
    let directory = try TemporaryDirectory()
    let path = try directory.write(Array(whole[..<5]), to: "header.gz")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == .truncated(path: path, compression: .gzip, offset: 5))
    #expect(outcome.lines.isEmpty)
  }

  @Test("a damaged member is reported as corrupt at its offset, after the lines of the members before it")
  func corruptMember() throws {
    let good = sampleLines(200, tag: "good")
    let goodMember = try Compressors.gzip(joined(good))
    var badMember = try Compressors.gzip(joined(sampleLines(200, tag: "bad")))
    badMember[2] = 0x07  // the compression method: only 8 (deflate) exists
    let directory = try TemporaryDirectory()
    let path = try directory.write(goodMember + badMember, to: "damaged.gz")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.text == good)
    guard case .corrupt(let reported, .gzip, let offset, let detail) = outcome.error else {
      Issue.record("expected corrupt gzip, got \(String(describing: outcome.error))")
      return
    }
    #expect(reported == path)
    #expect(offset >= goodMember.count)
    #expect(offset <= goodMember.count + 10)
    #expect(!detail.isEmpty)
  }

  @Test("damaged compressed data fails with corrupt, whichever bytes are hit")
  func corruptBody() throws {
    let lines = sampleLines(2000)
    let whole = try Compressors.gzip(joined(lines))
    let directory = try TemporaryDirectory()
    var generator = SeededGenerator(seed: 11)
    for trial in 0..<20 {
      var damaged = whole
      let position = Int.random(in: 10..<(whole.count - 8), using: &generator)
      damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
      let path = try directory.write(damaged, to: "damaged-\(trial).gz")

      let outcome = try ReadOutcome(path: path)

      guard case .corrupt(_, .gzip, let offset, _) = outcome.error else {
        Issue.record("byte \(position): expected corrupt gzip, got \(String(describing: outcome.error))")
        continue
      }
      #expect(offset > 0 && offset <= damaged.count)
    }
  }

  @Test("bytes after the last member that are not gzip are corrupt, after every line before them")
  func trailingGarbage() throws {
    let lines = sampleLines(50)
    let member = try Compressors.gzip(joined(lines))
    let directory = try TemporaryDirectory()
    let path = try directory.write(member + Array("not gzip".utf8), to: "trailing.gz")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.text == lines)
    guard case .corrupt(_, .gzip, _, _) = outcome.error else {
      Issue.record("expected corrupt gzip, got \(String(describing: outcome.error))")
      return
    }
  }
}
