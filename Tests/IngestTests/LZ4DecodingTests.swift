import Testing

@testable import Ingest

@Suite("LZ4 frame decoding")
struct LZ4DecodingTests {
  @Test("concatenated lz4 frames yield every frame's lines, in order")
  func concatenatedFrames() throws {
    let first = sampleLines(3000, tag: "first")
    let second = sampleLines(1, tag: "second")
    let third = sampleLines(2500, tag: "third")
    let bytes =
      try Compressors.lz4Frame(joined(first)) + Compressors.lz4Frame(joined(second))
      + Compressors.lz4Frame(joined(third), contentChecksum: false)
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "frames.lz4")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.reader.compression == .lz4)
    #expect(outcome.text == first + second + third)
    #expect(outcome.reader.bytesRead == bytes.count)
  }

  @Test("a stream opening with a skippable frame is lz4 and its data frames are read")
  func skippableFrame() throws {
    let lines = sampleLines(100)
    let skippable: [UInt8] = [0x50, 0x2A, 0x4D, 0x18, 0x03, 0x00, 0x00, 0x00, 0xAA, 0xBB, 0xCC]
    let directory = try TemporaryDirectory()
    let path = try directory.write(skippable + Compressors.lz4Frame(joined(lines)), to: "skippable.lz4")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.reader.compression == .lz4)
    #expect(outcome.text == lines)
  }

  @Test("tiny read and decode buffers give the same lines as large ones")
  func tinyBuffers() throws {
    let lines = sampleLines(2000)
    let bytes =
      try Compressors.lz4Frame(joined(Array(lines[..<900])))
      + Compressors.lz4Frame(joined(Array(lines[900...])))
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "tiny.lz4")

    for (inputSize, chunkSize) in [(1, 1), (5, 3), (64, 1000), (100_000, 7)] {
      let outcome = try ReadOutcome(path: path) { reader in
        reader.inputBufferSize = inputSize
        reader.decodedChunkSize = chunkSize
      }
      #expect(outcome.error == nil, "buffers \(inputSize)/\(chunkSize)")
      #expect(outcome.text == lines, "buffers \(inputSize)/\(chunkSize)")
    }
  }

  @Test("a truncated lz4 frame delivers the whole lines before the cut, then reports the offset reached")
  func truncated() throws {
    let lines = sampleLines(6000)
    let whole = try Compressors.lz4Frame(joined(lines))
    let directory = try TemporaryDirectory()
    for cutAt in [whole.count / 2, whole.count - 1, 6] {
      let cut = Array(whole[..<cutAt])
      let path = try directory.write(cut, to: "cut-\(cutAt).lz4")

      let outcome = try ReadOutcome(path: path)

      #expect(outcome.error == .truncated(path: path, compression: .lz4, offset: cut.count))
      #expect(outcome.text == Array(lines[..<outcome.lines.count]))
      if cutAt == whole.count / 2 {
        #expect(outcome.lines.count > 0)
      }
    }
  }

  @Test("a damaged frame header is corrupt, after the lines of the frames before it")
  func corruptFrame() throws {
    let good = sampleLines(300, tag: "good")
    let goodFrame = try Compressors.lz4Frame(joined(good))
    var badFrame = try Compressors.lz4Frame(joined(sampleLines(300, tag: "bad")))
    badFrame[4] ^= 0xC0  // the frame descriptor's version bits
    let directory = try TemporaryDirectory()
    let path = try directory.write(goodFrame + badFrame, to: "damaged.lz4")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.text == good)
    guard case .corrupt(let reported, .lz4, let offset, let detail) = outcome.error else {
      Issue.record("expected corrupt lz4, got \(String(describing: outcome.error))")
      return
    }
    #expect(reported == path)
    #expect(offset >= goodFrame.count)
    #expect(offset < goodFrame.count + 20)
    #expect(detail.contains("ERROR"))
  }

  @Test("a damaged block fails the content checksum as corrupt")
  func corruptBlock() throws {
    let lines = sampleLines(3000)
    var frame = try Compressors.lz4Frame(joined(lines))
    frame[frame.count / 2] ^= 0x55
    let directory = try TemporaryDirectory()
    let path = try directory.write(frame, to: "block.lz4")

    let outcome = try ReadOutcome(path: path)

    guard case .corrupt(_, .lz4, let offset, _) = outcome.error else {
      Issue.record("expected corrupt lz4, got \(String(describing: outcome.error))")
      return
    }
    #expect(offset > 0 && offset <= frame.count)
  }
}
