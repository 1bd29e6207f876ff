/// A pull-based decoder: the caller owns the output buffer and asks for more when it is ready, which
/// serves a plain loop, a reader thread and a task alike.
protocol ByteStreamDecoder: ByteSource {
  /// Compressed bytes consumed so far.
  var bytesConsumed: Int { get }

  /// The output buffer size at which this decoder writes straight into it, without staging copies.
  var preferredChunkSize: Int { get }

  /// Decodes the next bytes into `buffer` and returns their count; 0 means the stream ended cleanly.
  ///
  /// Bytes decoded before a fault are returned first; the fault is thrown by the call after.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int
}

/// Opens `path`, detects its compression from its first bytes and returns the decoder for it.
func makeDecoder(
  path: String, inputBufferSize: Int
) throws(IngestError) -> (compression: Compression, decoder: any ByteStreamDecoder) {
  let input = BufferedInput(source: try FileDescriptorSource(path: path), bufferSize: inputBufferSize)
  return try makeDecoder(input: input)
}

/// Detects the compression of `input` from its first bytes and returns the decoder for it.
func makeDecoder(
  input: BufferedInput
) throws(IngestError) -> (compression: Compression, decoder: any ByteStreamDecoder) {
  // Skippable frames are read past one header at a time, as far as the input buffer holds them.
  var needed = Compression.magicLength
  repeat {
    input.fill(atLeast: needed)
    guard input.window.count >= needed else { break }
    needed = Compression.detectionLength(input.window)
  } while needed > input.window.count
  let compression = Compression(magic: input.window)
  switch compression {
  case .gzip, .zlib: return (compression, try GzipDecoder(input: input, compression: compression))
  case .lz4: return (compression, try LZ4FrameDecoder(input: input))
  case .zstd: return (compression, try ZstdDecoder(input: input))
  case .plain: return (compression, PlainDecoder(input: input))
  }
}
