internal import CLZ4

/// Decodes the LZ4 frame format (what `lz4` writes) through liblz4, including concatenated frames.
final class LZ4FrameDecoder: ByteStreamDecoder {
  private let input: BufferedInput
  private let context: OpaquePointer
  /// liblz4's hint of the input it expects next: 0 only between frames, so the end of the file
  /// anywhere else is a truncation.
  private var expectedInput = 0
  private var atEndOfFile = false
  private var finished = false
  private var pendingFault: IngestError?

  init(input: BufferedInput) throws(IngestError) {
    self.input = input
    var created: OpaquePointer?
    let status = LZ4F_createDecompressionContext(&created, UInt32(LZ4F_VERSION))
    guard LZ4F_isError(status) == 0, let created else {
      throw .unreadable(path: input.path, reason: "liblz4 cannot start (\(Self.errorName(status)))")
    }
    context = created
  }

  deinit {
    LZ4F_freeDecompressionContext(context)
  }

  var path: String { input.path }

  var bytesConsumed: Int { input.consumedOffset }

  /// The largest block (`lz4`'s default): a smaller buffer makes liblz4 decode into its own and copy out,
  /// a fifth more instructions per byte (callgrind, 200 MB log).
  var preferredChunkSize: Int { 4 << 20 }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    if let fault = pendingFault {
      pendingFault = nil
      throw fault
    }
    guard let base = buffer.baseAddress else { return 0 }
    var produced = 0
    while produced < buffer.count && !finished {
      if input.window.isEmpty && !atEndOfFile {
        atEndOfFile = try !input.refill()
      }
      let window = input.window
      var outputSize = buffer.count - produced
      // liblz4 reports nothing of a call that fails, not even the blocks it decoded before the damage:
      // feeding it the hinted size (one block, or a frame header) keeps each call to one block.
      var inputSize = min(window.count, expectedInput > 0 ? expectedInput : Int(LZ4F_HEADER_SIZE_MAX))
      // Called even with no input left: liblz4 may still hold decoded bytes of the last block.
      let hint = LZ4F_decompress(context, base + produced, &outputSize, window.baseAddress, &inputSize, nil)
      input.consume(inputSize)
      produced += outputSize
      if LZ4F_isError(hint) != 0 {
        pendingFault = .corrupt(
          path: input.path, compression: .lz4, offset: input.consumedOffset, detail: Self.errorName(hint))
        break
      }
      if outputSize > 0 || inputSize > 0 {
        // Only a step that moved bytes tells where the stream stands; an empty call reports a header's size.
        expectedInput = hint
      } else if input.window.isEmpty {
        finished = true
        if expectedInput != 0 {
          pendingFault = .truncated(path: input.path, compression: .lz4, offset: input.consumedOffset)
        }
      } else {
        // liblz4 promises progress whenever it has room and input; never spin if it breaks that promise.
        pendingFault = .corrupt(
          path: input.path, compression: .lz4, offset: input.consumedOffset,
          detail: "decoder made no progress")
        break
      }
    }
    if produced == 0, let fault = pendingFault {
      pendingFault = nil
      throw fault
    }
    return produced
  }

  private static func errorName(_ code: Int) -> String {
    String(cString: LZ4F_getErrorName(code))
  }
}
