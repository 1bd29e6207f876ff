internal import CZlib

/// Inflates gzip through zlib, member after member, as `cat a.gz b.gz`, pigz and logrotate write them; raw
/// zlib streams too, since zlib tells the two headers apart itself.
final class GzipDecoder: ByteStreamDecoder {
  private let input: BufferedInput
  /// What faults name: the detected wrapper, `.gzip` or `.zlib`.
  private let compression: Compression
  /// zlib keeps a pointer to its stream, so it lives at one address from init to deinit.
  private let stream: UnsafeMutablePointer<z_stream>
  /// True from a member's first byte until its trailer: the end of the file there is a truncation.
  private var inMember = true
  private var atEndOfFile = false
  private var pendingFault: IngestError?

  init(input: BufferedInput, compression: Compression) throws(IngestError) {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 + 32: the largest window, and zlib reads the gzip or zlib header itself.
    let status = czlib_inflate_init2(stream, 15 + 32)
    guard status == Z_OK else {
      stream.deallocate()
      throw .unreadable(path: input.path, reason: "zlib cannot start (status \(status))")
    }
    self.input = input
    self.compression = compression
    self.stream = stream
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  var path: String { input.path }

  var bytesConsumed: Int { input.consumedOffset }

  var preferredChunkSize: Int { 256 << 10 }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    if let fault = pendingFault {
      pendingFault = nil
      throw fault
    }
    guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
    var produced = 0
    while produced < buffer.count && inMember {
      if input.window.isEmpty && !atEndOfFile {
        atEndOfFile = try !input.refill()
      }
      let window = input.window
      // zlib's `next_in` is not const-qualified but it never writes through it.
      stream.pointee.next_in = UnsafeMutablePointer(
        mutating: window.baseAddress?.assumingMemoryBound(to: UInt8.self))
      stream.pointee.avail_in = UInt32(window.count)
      stream.pointee.next_out = base + produced
      stream.pointee.avail_out = UInt32(buffer.count - produced)
      let status = inflate(stream, Z_NO_FLUSH)
      input.consume(window.count - Int(stream.pointee.avail_in))
      let madeBytes = buffer.count - produced - Int(stream.pointee.avail_out)
      produced += madeBytes
      switch status {
      case Z_OK:
        continue
      case Z_STREAM_END:
        try startNextMember()
      case Z_BUF_ERROR where input.window.isEmpty && !atEndOfFile:
        continue
      case Z_BUF_ERROR where input.window.isEmpty:
        pendingFault = .truncated(path: input.path, compression: compression, offset: input.consumedOffset)
      default:
        pendingFault = .corrupt(
          path: input.path, compression: compression, offset: input.consumedOffset,
          detail: zlibMessage(status))
      }
      if pendingFault != nil { break }
    }
    if produced == 0, let fault = pendingFault {
      pendingFault = nil
      throw fault
    }
    return produced
  }

  /// After a member's trailer, any further byte must begin another member.
  private func startNextMember() throws(IngestError) {
    if input.window.isEmpty && !atEndOfFile {
      atEndOfFile = try !input.refill()
    }
    if input.window.isEmpty {
      inMember = false
    } else {
      inflateReset(stream)
    }
  }

  private func zlibMessage(_ status: Int32) -> String {
    if let message = stream.pointee.msg {
      return String(cString: message)
    }
    return "zlib status \(status)"
  }
}
