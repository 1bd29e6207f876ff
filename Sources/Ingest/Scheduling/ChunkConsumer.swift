/// Reads the chunks of one stream for `ChunkScheduler`: one is made per stream, and its calls never overlap
/// except as `acceptsChunksInParallel` allows.
///
/// The scheduler calls `process` for each chunk and `absorb` with what it returned, always in chunk order
/// for `absorb`. While `acceptsChunksInParallel` is false, each chunk is processed only after the one before
/// it was absorbed, so `process` may keep state (a multi-line record, a format being sniffed). Once it is
/// true (it is asked after each absorb), chunks are processed concurrently, out of order, while earlier ones
/// are absorbed: `process` must then read only what was settled before, and keep its work in what it returns.
public protocol ChunkConsumer: AnyObject {
  associatedtype Partial

  /// Whether the chunks not yet processed may be processed concurrently and out of order.
  var acceptsChunksInParallel: Bool { get }
  /// False once the consumer needs no more of the stream (nothing could read it): the rest is not decoded.
  /// Asked after each absorb.
  var wantsMoreChunks: Bool { get }
  /// Reads one chunk.
  func process(_ chunk: LineChunk) -> Partial
  /// Takes in what `process` returned, in chunk order.
  func absorb(_ partial: Partial)
  /// Called once, after every chunk was absorbed, with how the stream ended. Streams are finished one at a
  /// time, in order (`StreamInfo`'s), whatever order they were read in.
  func finish(_ end: StreamEnd)
}

extension ChunkConsumer {
  public var wantsMoreChunks: Bool { true }
}
