/// The decoded bytes of a source whose first bytes were buffered to look for a container: hands out the
/// buffered bytes, then reads the decoder straight into the caller's buffer.
final class PassThroughDecoder: ByteStreamDecoder {
  private let decoded: BufferedInput
  private let decoder: any ByteStreamDecoder

  init(decoded: BufferedInput, from decoder: any ByteStreamDecoder) {
    self.decoded = decoded
    self.decoder = decoder
  }

  var path: String { decoder.path }

  var bytesConsumed: Int { decoder.bytesConsumed }

  var preferredChunkSize: Int { decoder.preferredChunkSize }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    try decoded.read(into: buffer)
  }
}
