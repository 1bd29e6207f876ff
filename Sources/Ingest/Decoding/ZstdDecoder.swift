internal import CZstd

/// Decodes Zstandard (what `zstd` writes) through libzstd, including concatenated and skippable frames.
final class ZstdDecoder: ByteStreamDecoder {
  /// 128 MiB, the window the `zstd` tool itself decodes without `--memory`: libzstd allocates the window a
  /// frame header asks for, so without a cap a few hostile bytes could make it reserve gigabytes. Frames with
  /// a larger window (`zstd --long=28` and up, on inputs that large) are refused as corrupt.
  private static let windowLogMax: Int32 = 27

  /// Between frames libzstd has no hint of the input it wants; a frame's magic makes it give one.
  private static let frameStartInput = 4

  private let input: BufferedInput
  private let context: OpaquePointer
  /// libzstd's hint of the input it expects next: 0 only between frames, so the end of the file anywhere
  /// else is a truncation.
  private var expectedInput = 0
  private var atEndOfFile = false
  private var finished = false
  private var pendingFault: IngestError?

  init(input: BufferedInput) throws(IngestError) {
    guard let created = ZSTD_createDCtx() else {
      throw .unreadable(path: input.path, reason: "libzstd cannot start (out of memory)")
    }
    let status = ZSTD_DCtx_setParameter(created, ZSTD_d_windowLogMax, Self.windowLogMax)
    guard ZSTD_isError(status) == 0 else {
      ZSTD_freeDCtx(created)
      throw .unreadable(path: input.path, reason: "libzstd cannot start (\(Self.errorName(status)))")
    }
    self.input = input
    context = created
  }

  deinit {
    ZSTD_freeDCtx(context)
  }

  var path: String { input.path }

  var bytesConsumed: Int { input.consumedOffset }

  /// libzstd decodes into its own window and copies out, whatever the buffer's size: one block's worth is
  /// what it can always flush in one call.
  var preferredChunkSize: Int { ZSTD_DStreamOutSize() }

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
      // libzstd reports nothing of a call that fails, not even the blocks it decoded before the damage:
      // feeding it the hinted size (the rest of a block and the next block's header) keeps each call to one.
      let inputSize = min(window.count, expectedInput > 0 ? expectedInput : Self.frameStartInput)
      var source = ZSTD_inBuffer(src: window.baseAddress, size: inputSize, pos: 0)
      var target = ZSTD_outBuffer(dst: base + produced, size: buffer.count - produced, pos: 0)
      // Called even with no input left: libzstd may still hold decoded bytes of the last block.
      let hint = ZSTD_decompressStream(context, &target, &source)
      input.consume(source.pos)
      produced += target.pos
      if ZSTD_isError(hint) != 0 {
        pendingFault = .corrupt(
          path: input.path, compression: .zstd, offset: input.consumedOffset, detail: Self.errorName(hint))
        break
      }
      if source.pos > 0 || target.pos > 0 {
        expectedInput = hint
      } else if input.window.isEmpty {
        finished = true
        if expectedInput != 0 {
          pendingFault = .truncated(path: input.path, compression: .zstd, offset: input.consumedOffset)
        }
      } else {
        // libzstd promises progress whenever it has room and input; never spin if it breaks that promise.
        pendingFault = .corrupt(
          path: input.path, compression: .zstd, offset: input.consumedOffset,
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
    String(cString: ZSTD_getErrorName(code))
  }
}
