/// Bytes pulled from a `ByteSource` through one fixed buffer, so memory stays bounded whatever the size.
///
/// Decoders consume the buffered `window` and ask for a `refill` when it runs dry; a consumer that wants the
/// bytes as they are reads straight into its own buffer instead, saving a copy.
final class BufferedInput {
  private let source: any ByteSource
  private let storage: UnsafeMutableRawBufferPointer
  private var windowStart = 0
  private var windowEnd = 0
  /// Bytes pulled from the source so far.
  private var sourceOffset = 0
  /// A fault met while filling the window for sniffing, thrown once the window's bytes are consumed.
  private var pendingFault: IngestError?

  init(source: any ByteSource, bufferSize: Int) {
    self.source = source
    storage = .allocate(byteCount: max(bufferSize, Compression.magicLength), alignment: 16)
  }

  deinit {
    storage.deallocate()
  }

  /// The source's name, for messages.
  var path: String { source.path }

  /// The bytes read but not yet consumed.
  var window: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: storage[windowStart..<windowEnd])
  }

  /// The source offset just past the last consumed byte: what a fault's `offset` reports.
  var consumedOffset: Int { sourceOffset - (windowEnd - windowStart) }

  func consume(_ count: Int) {
    windowStart += count
  }

  /// Reads until the window holds at least `count` bytes or the source ends; for sniffing magic bytes and
  /// headers, which a pipe may deliver in pieces. Only before anything is consumed. A fault is kept for
  /// later, so the bytes before it are still read.
  func fill(atLeast count: Int) {
    precondition(windowStart == 0, "fill after bytes were consumed")
    while windowEnd < min(count, storage.count) && pendingFault == nil {
      do {
        let got = try pull(into: UnsafeMutableRawBufferPointer(rebasing: storage[windowEnd...]))
        if got == 0 { return }
        windowEnd += got
      } catch {
        pendingFault = error
      }
    }
  }

  /// Replaces an exhausted window with the next bytes of the source; false at its end.
  func refill() throws(IngestError) -> Bool {
    precondition(windowStart == windowEnd, "refill while unconsumed bytes remain")
    windowStart = 0
    windowEnd = 0
    windowEnd = try pull(into: storage)
    return windowEnd > 0
  }

  /// Hands out the window's bytes, then reads the source straight into `buffer`; 0 at its end.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    if windowStart < windowEnd {
      let count = min(buffer.count, windowEnd - windowStart)
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[windowStart..<windowStart + count]))
      windowStart += count
      return count
    }
    return try pull(into: buffer)
  }

  private func pull(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    if let fault = pendingFault {
      pendingFault = nil
      throw fault
    }
    let got = try source.read(into: buffer)
    sourceOffset += got
    return got
  }
}
