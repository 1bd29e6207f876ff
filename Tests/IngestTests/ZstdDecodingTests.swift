import Testing

@testable import Ingest

@Suite("zstd decoding")
struct ZstdDecodingTests {
  /// A skippable frame (`50 2a 4d 18`) carrying `count` bytes of metadata.
  private func skippableFrame(_ count: Int) -> [UInt8] {
    [0x50, 0x2A, 0x4D, 0x18] + (0..<4).map { UInt8(truncatingIfNeeded: count >> (8 * $0)) }
      + [UInt8](repeating: 0xAB, count: count)
  }

  /// A frame holding "a\n" in one raw block, whose header asks for a window of 2^`windowLog` bytes.
  private func frame(windowLog: Int) -> [UInt8] {
    let windowDescriptor = UInt8((windowLog - 10) << 3)
    // Frame header descriptor 0: no content size, no checksum, no dictionary; block header: last, raw, 2 bytes.
    return [0x28, 0xB5, 0x2F, 0xFD, 0x00, windowDescriptor, 0x11, 0x00, 0x00] + Array("a\n".utf8)
  }

  @Test("concatenated zstd frames yield every frame's lines, in order")
  func concatenatedFrames() throws {
    let first = sampleLines(3000, tag: "first")
    let second = sampleLines(1, tag: "second")
    let third = sampleLines(2500, tag: "third")
    let bytes =
      try Compressors.zstd(joined(first)) + Compressors.zstd(joined(second), level: 19)
      + Compressors.zstd(joined(third), contentChecksum: false)
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "frames.zst")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.error == nil)
    #expect(outcome.reader.compression == .zstd)
    #expect(outcome.text == first + second + third)
    #expect(outcome.reader.bytesRead == bytes.count)
    #expect(outcome.reader.bytesDecoded == joined(first + second + third).count)
  }

  @Test(
    "a stream opening with skippable frames is zstd when a zstd frame follows, lz4 when an lz4 frame does")
  func leadingSkippableFrames() throws {
    let lines = sampleLines(100)
    let directory = try TemporaryDirectory()
    let zstd = try directory.write(
      skippableFrame(3) + skippableFrame(0) + Compressors.zstd(joined(lines)) + skippableFrame(40),
      to: "skippable.zst")
    let lz4 = try directory.write(
      skippableFrame(3) + Compressors.lz4Frame(joined(lines)), to: "skippable.lz4")

    let zstdOutcome = try ReadOutcome(path: zstd)
    let lz4Outcome = try ReadOutcome(path: lz4)

    #expect(zstdOutcome.error == nil)
    #expect(zstdOutcome.reader.compression == .zstd)
    #expect(zstdOutcome.text == lines)
    #expect(lz4Outcome.error == nil)
    #expect(lz4Outcome.reader.compression == .lz4)
    #expect(lz4Outcome.text == lines)
  }

  @Test("a leading skippable frame longer than the input buffer keeps the stream called lz4")
  func skippableFrameBeyondBuffer() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      skippableFrame(100) + Compressors.zstd(joined(sampleLines(10))), to: "long-skippable.zst")

    let outcome = try ReadOutcome(path: path) { $0.inputBufferSize = 64 }

    #expect(outcome.reader.compression == .lz4)
    guard case .corrupt(_, .lz4, _, _) = outcome.error else {
      Issue.record("expected corrupt lz4, got \(String(describing: outcome.error))")
      return
    }
  }

  @Test("tiny read and decode buffers give the same lines as large ones")
  func tinyBuffers() throws {
    let lines = sampleLines(2000)
    let bytes =
      try Compressors.zstd(joined(Array(lines[..<900]))) + skippableFrame(5)
      + Compressors.zstd(joined(Array(lines[900...])))
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, to: "tiny.zst")

    for (inputSize, chunkSize) in [(1, 1), (5, 3), (64, 1000), (100_000, 7)] {
      let outcome = try ReadOutcome(path: path) { reader in
        reader.inputBufferSize = inputSize
        reader.decodedChunkSize = chunkSize
      }
      #expect(outcome.error == nil, "buffers \(inputSize)/\(chunkSize)")
      #expect(outcome.text == lines, "buffers \(inputSize)/\(chunkSize)")
    }
  }

  @Test("a truncated zstd frame delivers the whole lines before the cut, then reports the offset reached")
  func truncated() throws {
    let lines = sampleLines(10_000)
    let whole = try Compressors.zstd(joined(lines))
    let directory = try TemporaryDirectory()
    for cutAt in [whole.count / 2, whole.count - 1, 6] {
      let cut = Array(whole[..<cutAt])
      let path = try directory.write(cut, to: "cut-\(cutAt).zst")

      let outcome = try ReadOutcome(path: path)

      #expect(outcome.error == .truncated(path: path, compression: .zstd, offset: cut.count))
      #expect(outcome.text == Array(lines[..<outcome.lines.count]))
      if cutAt == whole.count / 2 {
        #expect(outcome.lines.count > 0)
      }
    }
  }

  @Test("a damaged frame header is corrupt, after the lines of the frames before it")
  func corruptFrame() throws {
    let good = sampleLines(300, tag: "good")
    let goodFrame = try Compressors.zstd(joined(good))
    var badFrame = try Compressors.zstd(joined(sampleLines(300, tag: "bad")))
    badFrame[4] |= 0x08  // the frame header descriptor's reserved bit
    let directory = try TemporaryDirectory()
    let path = try directory.write(goodFrame + badFrame, to: "damaged.zst")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.text == good)
    guard case .corrupt(let reported, .zstd, let offset, let detail) = outcome.error else {
      Issue.record("expected corrupt zstd, got \(String(describing: outcome.error))")
      return
    }
    #expect(reported == path)
    #expect(offset >= goodFrame.count)
    #expect(offset < goodFrame.count + 20)
    #expect(!detail.isEmpty)
  }

  @Test("a damaged block is corrupt, after the lines of the blocks before it")
  func corruptBlock() throws {
    let lines = sampleLines(6000)
    var frame = try Compressors.zstd(joined(lines))
    frame[frame.count / 2] ^= 0x55
    let directory = try TemporaryDirectory()
    let path = try directory.write(frame, to: "block.zst")

    let outcome = try ReadOutcome(path: path)

    guard case .corrupt(_, .zstd, let offset, _) = outcome.error else {
      Issue.record("expected corrupt zstd, got \(String(describing: outcome.error))")
      return
    }
    #expect(offset > 0 && offset <= frame.count)
    #expect(outcome.lines.count > 0)
    #expect(outcome.text == Array(lines[..<outcome.lines.count]))
  }

  @Test("a damaged content checksum is corrupt, after every line of the frame")
  func corruptChecksum() throws {
    let lines = sampleLines(3000)
    var frame = try Compressors.zstd(joined(lines))
    frame[frame.count - 1] ^= 0x01
    let directory = try TemporaryDirectory()
    let path = try directory.write(frame, to: "checksum.zst")

    let outcome = try ReadOutcome(path: path)

    #expect(outcome.text == lines)
    guard case .corrupt(_, .zstd, let offset, let detail) = outcome.error else {
      Issue.record("expected corrupt zstd, got \(String(describing: outcome.error))")
      return
    }
    #expect(offset >= frame.count - 4 && offset <= frame.count)
    #expect(detail.contains("checksum"))
  }

  @Test("a frame may ask for a 128 MiB window but no more: a larger one is corrupt, nothing allocated")
  func windowLimit() throws {
    let directory = try TemporaryDirectory()
    let allowed = try directory.write(frame(windowLog: 27), to: "window-27.zst")
    let refused = try directory.write(frame(windowLog: 31), to: "window-31.zst")

    let allowedOutcome = try ReadOutcome(path: allowed)
    let refusedOutcome = try ReadOutcome(path: refused)

    #expect(allowedOutcome.error == nil)
    #expect(allowedOutcome.text == ["a"])
    #expect(refusedOutcome.lines.isEmpty)
    guard case .corrupt(_, .zstd, _, let detail) = refusedOutcome.error else {
      Issue.record("expected corrupt zstd, got \(String(describing: refusedOutcome.error))")
      return
    }
    #expect(detail.contains("memory"))
  }
}
