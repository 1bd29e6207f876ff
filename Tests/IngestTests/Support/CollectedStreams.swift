import Ingest
import Synchronization

/// What `ChunkScheduler` delivered, per stream, in the order streams were finished.
struct CollectedStream: Equatable {
  var path: String
  var compression: Compression
  var lines: [String]
  var numbers: [Int]
  var fault: IngestError?
}

/// Where collectors put their streams, from any thread.
final class StreamSink: Sendable {
  let streams = Mutex<[CollectedStream]>([])
}

/// Collects every line of every stream; in parallel once its first chunk is absorbed, when `parallel`.
final class LineCollector: ChunkConsumer, @unchecked Sendable {
  typealias Partial = [(String, Int)]

  private let info: StreamInfo
  private let parallel: Bool
  private let sink: StreamSink
  private var lines: [(String, Int)] = []
  private var absorbed = 0

  init(_ info: StreamInfo, parallel: Bool, sink: StreamSink) {
    self.info = info
    self.parallel = parallel
    self.sink = sink
  }

  var acceptsChunksInParallel: Bool { parallel && absorbed > 0 }

  func process(_ chunk: LineChunk) -> Partial {
    var lines: Partial = []
    _ = chunk.forEachLine { line, number in lines.append((String(decoding: line, as: UTF8.self), number)) }
    return lines
  }

  func absorb(_ partial: Partial) {
    lines += partial
    absorbed += 1
  }

  func finish(_ end: StreamEnd) {
    let stream = CollectedStream(
      path: info.source.path, compression: info.compression, lines: lines.map(\.0), numbers: lines.map(\.1),
      fault: end.fault)
    sink.streams.withLock { $0.append(stream) }
  }
}

/// Runs the scheduler over `paths` and returns the streams in the order they were finished.
func collectStreams(
  _ paths: [String], parallel: Bool = true, configure: (inout ChunkScheduler) -> Void = { _ in }
) -> [CollectedStream] {
  var scheduler = ChunkScheduler()
  configure(&scheduler)
  let sink = StreamSink()
  scheduler.run(paths.map(Source.init(path:))) { LineCollector($0, parallel: parallel, sink: sink) }
  return sink.streams.withLock { $0 }
}
