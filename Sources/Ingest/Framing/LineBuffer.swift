#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The decoded bytes being framed: the partial line carried over from the last chunk, then room for the next.
///
/// It grows only while a line is longer than a chunk, and never past the longest line allowed plus a chunk.
struct LineBuffer: ~Copyable {
  private var storage: UnsafeMutableRawBufferPointer
  private let chunkSize: Int
  private let maximumLineLength: Int
  /// Bytes of the unterminated line at the start of the storage.
  private(set) var carried = 0
  /// Bytes so far of a line too long to keep, dropped as they arrive until its newline; 0 otherwise.
  var skippedLength = 0

  /// Room beyond a chunk for the partial line carried over, so ordinary lines never make the buffer grow.
  private static let carrySlack = 64 << 10

  init(chunkSize: Int, maximumLineLength: Int) {
    self.chunkSize = max(chunkSize, 1)
    self.maximumLineLength = max(maximumLineLength, 0)
    storage = .allocate(byteCount: self.chunkSize + Self.carrySlack, alignment: 16)
  }

  deinit {
    storage.deallocate()
  }

  /// The unterminated line kept from the chunks so far.
  var carriedLine: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: storage[..<carried])
  }

  /// One chunk of room after the carried line.
  mutating func reserveChunk() -> UnsafeMutableRawBufferPointer {
    if storage.count - carried < chunkSize {
      let grown = max(min(storage.count * 2, maximumLineLength + chunkSize), carried + chunkSize)
      let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: grown, alignment: 16)
      larger.copyMemory(from: carriedLine)
      storage.deallocate()
      storage = larger
    }
    return UnsafeMutableRawBufferPointer(rebasing: storage[carried..<carried + chunkSize])
  }

  /// Keeps the unterminated bytes `start..<end` of the last chunk for the next one, or drops them once
  /// the line is too long to keep.
  mutating func carry(from start: UnsafeRawPointer, to end: UnsafeRawPointer) {
    let length = end - start
    if skippedLength > 0 || length > maximumLineLength {
      skippedLength += length
      carried = 0
    } else {
      if let base = storage.baseAddress, start != UnsafeRawPointer(base) {
        memmove(base, start, length)
      }
      carried = length
    }
  }
}
