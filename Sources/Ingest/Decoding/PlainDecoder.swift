/// Passes an uncompressed file through, reading straight into the caller's buffer.
final class PlainDecoder: ByteStreamDecoder {
  private let input: BufferedInput

  init(input: BufferedInput) {
    self.input = input
  }

  var path: String { input.path }

  var bytesConsumed: Int { input.consumedOffset }

  var preferredChunkSize: Int { 256 << 10 }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    try input.read(into: buffer)
  }
}
