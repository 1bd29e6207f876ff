import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads many sources on all cores with a fixed number of chunks in flight, so memory stays bounded
/// whatever the inputs' size.
///
/// Each worker takes whatever is ready: a chunk to process, or the next chunk of a file to decode. Decoding
/// and parsing thus overlap, within a file and across files, and the chunks of one large file are parsed
/// on every core once its consumer accepts them in parallel. Chunk boundaries depend only on the bytes, so
/// the consumers see the same chunks, absorbed in the same order, however the work was spread.
public struct ChunkScheduler: Sendable {
  /// Threads doing the work.
  public var workers: Int
  /// Chunks decoded but not yet absorbed, across all streams: the bound on memory.
  public var chunksInFlight: Int
  /// Files being decoded at once: each holds a decoder and its buffers.
  public var openFiles: Int
  /// Bytes framed into one chunk.
  public var chunkSize = LineFramer.defaultChunkSize
  /// Lines longer than this are skipped with a warning.
  public var maximumLineLength = LineReader.defaultMaximumLineLength

  /// By default one worker per core, three chunks in flight per worker.
  public init(workers: Int? = nil) {
    let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    self.workers = max(1, workers ?? cores)
    chunksInFlight = 3 * self.workers
    openFiles = self.workers + 1
  }

  /// Reads every source; `makeConsumer` is called (serially) as each stream begins, and every consumer is
  /// finished when this returns. `progress` is called now and then from a worker thread, and once at the end.
  public func run<Consumer: ChunkConsumer>(
    _ sources: [Source],
    progress: (@Sendable (IngestProgress) -> Void)? = nil,
    makeConsumer: (StreamInfo) -> Consumer
  ) {
    withoutActuallyEscaping(makeConsumer) { makeConsumer in
      let run = SchedulerRun(
        scheduler: self, sources: sources, makeConsumer: makeConsumer, progress: progress)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in run.work() }
      if let progress, let final = run.finalProgress() { progress(final) }
    }
  }
}
