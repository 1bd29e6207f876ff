#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a source's decoded bytes as lines, without a `String` per line.
///
/// Memory stays bounded whatever the file's size: one input buffer, one decoded chunk, and room for the
/// longest line allowed.
public struct LineReader {
  /// The longest line delivered by default; longer ones are skipped with a warning.
  public static let defaultMaximumLineLength = 8 << 20

  public let source: Source
  /// The source's compression, known once `forEachLine` has opened it.
  public private(set) var compression: Compression = .plain
  /// Compressed bytes consumed so far.
  public private(set) var bytesRead: Int = 0
  /// Decoded bytes delivered so far.
  public private(set) var bytesDecoded: Int = 0
  /// Faults that did not stop the reading (`IngestError.lineTooLong`), in file order.
  public private(set) var warnings: [IngestError] = []
  /// Lines with more bytes than this before their `\n` are skipped and reported in `warnings`.
  public var maximumLineLength = LineReader.defaultMaximumLineLength

  /// Bytes read from the file at a time.
  var inputBufferSize = 256 << 10
  /// Decoded bytes framed at a time; by default the decoder's preference, large enough that the
  /// per-chunk work vanishes next to decoding.
  var decodedChunkSize: Int?

  public init(source: Source) {
    self.source = source
  }

  /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based number.
  ///
  /// The line's bytes are valid only during the call. A final line without `\n` is delivered. Lines
  /// decoded before a fault are delivered before the fault is thrown; a line the fault cut short is not.
  public mutating func forEachLine(
    _ body: (_ line: UnsafeRawBufferPointer, _ number: Int) throws -> Void
  ) throws {
    bytesRead = 0
    bytesDecoded = 0
    warnings = []
    let (compression, decoder) = try makeDecoder(path: source.path, inputBufferSize: inputBufferSize)
    self.compression = compression
    var buffer = LineBuffer(
      chunkSize: decodedChunkSize ?? decoder.preferredChunkSize, maximumLineLength: maximumLineLength)
    defer { bytesRead = decoder.bytesConsumed }
    var number = 0
    while true {
      let chunk = buffer.reserveChunk()
      let count = try decoder.read(into: chunk)
      guard count > 0, let base = UnsafeRawPointer(chunk.baseAddress) else { break }
      bytesDecoded += count
      let end = base + count
      var lineStart = base - buffer.carried
      // Scanning starts at the new bytes: the carried partial line holds no newline.
      var cursor = base
      while let newline = memchr(cursor, 0x0A, end - cursor) {
        let lineEnd = UnsafeRawPointer(newline)
        number += 1
        if buffer.skippedLength > 0 || lineEnd - lineStart > maximumLineLength {
          warnings.append(
            .lineTooLong(
              path: source.path, line: number, length: buffer.skippedLength + (lineEnd - lineStart)))
          buffer.skippedLength = 0
        } else {
          try body(Self.trimmingCarriageReturn(lineStart, lineEnd), number)
        }
        lineStart = lineEnd + 1
        cursor = lineStart
      }
      buffer.carry(from: lineStart, to: end)
    }
    let last = buffer.carriedLine
    if buffer.skippedLength > 0 {
      warnings.append(.lineTooLong(path: source.path, line: number + 1, length: buffer.skippedLength))
    } else if let start = last.baseAddress, !last.isEmpty {
      try body(Self.trimmingCarriageReturn(start, start + last.count), number + 1)
    }
  }

  private static func trimmingCarriageReturn(
    _ start: UnsafeRawPointer, _ end: UnsafeRawPointer
  ) -> UnsafeRawBufferPointer {
    var end = end
    if end > start && end.load(fromByteOffset: -1, as: UInt8.self) == 0x0D {
      end -= 1
    }
    return UnsafeRawBufferPointer(start: start, count: end - start)
  }
}
