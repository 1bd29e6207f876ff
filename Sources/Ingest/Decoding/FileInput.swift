#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file read through one fixed buffer, so memory stays bounded whatever the file's size.
///
/// Decoders consume the buffered `window` and ask for a `refill` when it runs dry; the plain decoder
/// reads straight into its caller's buffer instead, saving a copy.
final class FileInput {
  let path: String
  private let descriptor: Int32
  private let storage: UnsafeMutableRawBufferPointer
  private var windowStart = 0
  private var windowEnd = 0
  /// Bytes read from the file so far.
  private var fileOffset = 0

  init(path: String, bufferSize: Int) throws(IngestError) {
    self.path = path
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else {
      throw .unreadable(path: path, reason: Self.reason(errno))
    }
    descriptor = opened
    storage = .allocate(byteCount: max(bufferSize, Compression.magicLength), alignment: 16)
  }

  deinit {
    close(descriptor)
    storage.deallocate()
  }

  /// The bytes read but not yet consumed.
  var window: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: storage[windowStart..<windowEnd])
  }

  /// The file offset just past the last consumed byte: what a fault's `offset` reports.
  var consumedOffset: Int { fileOffset - (windowEnd - windowStart) }

  func consume(_ count: Int) {
    windowStart += count
  }

  /// Reads until the window holds at least `count` bytes or the file ends; for sniffing magic bytes,
  /// which a pipe may deliver in pieces. Only before anything is consumed.
  func fill(atLeast count: Int) throws(IngestError) {
    precondition(windowStart == 0, "fill after bytes were consumed")
    while windowEnd < min(count, storage.count) {
      let got = try readFile(into: UnsafeMutableRawBufferPointer(rebasing: storage[windowEnd...]))
      if got == 0 { return }
      windowEnd += got
    }
  }

  /// Replaces an exhausted window with the next bytes of the file; false at the end of the file.
  func refill() throws(IngestError) -> Bool {
    precondition(windowStart == windowEnd, "refill while unconsumed bytes remain")
    windowStart = 0
    windowEnd = try readFile(into: storage)
    return windowEnd > 0
  }

  /// Hands out the window's bytes, then reads the file straight into `buffer`; 0 at the end of the file.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    if windowStart < windowEnd {
      let count = min(buffer.count, windowEnd - windowStart)
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[windowStart..<windowStart + count]))
      windowStart += count
      return count
    }
    return try readFile(into: buffer)
  }

  private func readFile(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let got = systemRead(descriptor, base, buffer.count)
      if got >= 0 {
        fileOffset += got
        return got
      }
      if errno != EINTR {
        throw .unreadable(path: path, reason: Self.reason(errno))
      }
    }
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// `read(2)`, out of reach by its own name inside `FileInput`, whose `read(into:)` shadows it.
private func systemRead(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, base, count)
}
