/// One stream read by `ChunkScheduler`: a file, or an entry of a tar archive.
public struct StreamInfo: Sendable, Hashable {
  public let source: Source
  /// How the stream's bytes are compressed.
  public let compression: Compression
  /// The position of the stream's file among those given to the scheduler; streams are finished in the order
  /// of this, then of `entryIndex`.
  public let sourceIndex: Int
  /// The stream's position in its file: 0, or the entry's in a tar archive.
  public let entryIndex: Int
}

/// How reading a stream ended, for the data-quality section.
public struct StreamEnd: Sendable {
  public let stream: StreamInfo
  /// Compressed bytes consumed.
  public let bytesRead: Int
  /// Decoded bytes framed into lines.
  public let bytesDecoded: Int
  /// Lines too long to frame, which no chunk holds (`IngestError.lineTooLong`).
  public let warnings: [IngestError]
  /// Why the stream could not be read whole; the chunks before it were delivered.
  public let fault: IngestError?
}
