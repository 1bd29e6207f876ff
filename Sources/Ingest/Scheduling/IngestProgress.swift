/// How far a `ChunkScheduler` run has come, for a progress line.
public struct IngestProgress: Sendable, Equatable {
  /// Sources read to their end.
  public var sourcesDone = 0
  public var sourcesTotal = 0
  /// Compressed bytes consumed, of `bytesTotal` (the sources' sizes on disk; 0 for standard input).
  public var bytesRead = 0
  public var bytesTotal = 0
  /// Decoded bytes framed into lines.
  public var bytesDecoded = 0
  /// Seconds since the run started.
  public var elapsedSeconds = 0.0

  /// Decoded megabytes per second so far.
  public var megabytesPerSecond: Double {
    elapsedSeconds > 0 ? Double(bytesDecoded) / 1e6 / elapsedSeconds : 0
  }

  /// Seconds left at the rate so far, from the compressed bytes still to read; nil while unknown.
  public var secondsRemaining: Double? {
    guard bytesRead > 0, bytesTotal > bytesRead, elapsedSeconds > 0 else { return nil }
    return elapsedSeconds * Double(bytesTotal - bytesRead) / Double(bytesRead)
  }
}
