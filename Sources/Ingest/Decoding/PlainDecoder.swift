/// Passes an uncompressed file through, reading straight into the caller's buffer.
final class PlainDecoder: ByteStreamDecoder {
  private let input: FileInput

  init(input: FileInput) {
    self.input = input
  }

  var bytesConsumed: Int { input.consumedOffset }

  var preferredChunkSize: Int { 256 << 10 }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    try input.read(into: buffer)
  }
}
