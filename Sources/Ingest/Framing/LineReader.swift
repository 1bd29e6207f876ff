import Foundation

/// Reads a source's decoded bytes as lines, without a `String` per line.
///
/// PLACEHOLDER: reads plain files whole; the streaming decoders replace this.
public struct LineReader {
  public let source: Source
  public private(set) var compression: Compression = .plain
  /// Compressed bytes consumed so far.
  public private(set) var bytesRead: Int = 0
  /// Decoded bytes delivered so far.
  public private(set) var bytesDecoded: Int = 0

  public init(source: Source) {
    self.source = source
  }

  /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based number.
  ///
  /// Lines decoded before a fault are delivered before the fault is thrown.
  public mutating func forEachLine(
    _ body: (_ line: UnsafeRawBufferPointer, _ number: Int) throws -> Void
  ) throws {
    guard let data = FileManager.default.contents(atPath: source.path) else {
      throw IngestError.unreadable(path: source.path, reason: "cannot open")
    }
    bytesRead = data.count
    bytesDecoded = data.count
    try data.withUnsafeBytes { buffer in
      var start = 0
      var number = 0
      while start < buffer.count {
        var end = start
        while end < buffer.count && buffer[end] != 0x0A { end += 1 }
        number += 1
        var lineEnd = end
        if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        try body(UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd]), number)
        start = end + 1
      }
    }
  }
}
