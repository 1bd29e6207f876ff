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
  /// Lines in the source, those skipped included.
  public private(set) var lineCount = 0
  /// Faults that did not stop the reading (`IngestError.lineTooLong`), in file order.
  public private(set) var warnings: [IngestError] = []
  /// Lines with more bytes than this before their `\n` are skipped and reported in `warnings`.
  public var maximumLineLength = LineReader.defaultMaximumLineLength

  /// Bytes read from the file at a time.
  var inputBufferSize = 256 << 10
  /// Decoded bytes asked of the decoder at a time; by default the decoder's preference, large enough that
  /// the per-read work vanishes next to decoding.
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
    lineCount = 0
    warnings = []
    let (compression, decoder) = try makeDecoder(path: source.path, inputBufferSize: inputBufferSize)
    self.compression = compression
    var framer = LineFramer(
      path: source.path, decoder: decoder, readSize: decodedChunkSize,
      chunkSize: decodedChunkSize ?? LineFramer.defaultChunkSize, maximumLineLength: maximumLineLength)
    var skipped: [IngestError] = []
    var lastChunkLine = 0
    defer {
      bytesRead = framer.bytesRead
      bytesDecoded = framer.bytesDecoded
      // The framer reports the lines it could not hold, the chunks those they held: merged, in file order.
      warnings = (framer.warnings + skipped).sorted { $0.lineNumber < $1.lineNumber }
      lineCount = max(lastChunkLine, warnings.last?.lineNumber ?? 0)
    }
    while let chunk = try framer.next() {
      skipped += try chunk.forEachLine(body)
      lastChunkLine = chunk.firstLineNumber + chunk.lineCount - 1
    }
  }
}
