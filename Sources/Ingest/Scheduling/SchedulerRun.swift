#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state of one `ChunkScheduler.run`, shared by its workers under one monitor.
///
/// Consumers are called outside the lock; the flags `decoding`, `serialBusy` and `absorbing` make sure a
/// cursor is used by one worker at a time and a consumer only as `ChunkConsumer` allows.
final class SchedulerRun<Consumer: ChunkConsumer>: @unchecked Sendable {
  /// A file: its cursor, and whether a worker is decoding it.
  private final class File {
    let cursor: SourceCursor
    var decoding = false
    var stream: Stream?
    var streamCount = 0
    /// Set when the current stream's consumer wants no more of it.
    var abandonStream = false
    /// Compressed bytes already counted in the progress.
    var bytesCounted = 0

    init(cursor: SourceCursor) {
      self.cursor = cursor
    }
  }

  /// A stream being read: its consumer and the chunks between decoding and absorbing.
  private final class Stream {
    let consumer: Consumer
    let info: StreamInfo
    var parallel = false
    /// While not parallel: decoded chunks waiting for the one before them to be absorbed (a few at most:
    /// every one is in flight).
    var waiting: [LineChunk] = []
    /// While not parallel: a chunk of this stream is being processed or awaits absorbing.
    var serialBusy = false
    var partials: [Int: Consumer.Partial] = [:]
    var nextToAbsorb = 0
    var absorbing = false
    var decoded = 0
    var end: StreamEnd?
    /// The file the stream is decoded from, until its end.
    weak var file: File?

    init(consumer: Consumer, info: StreamInfo) {
      self.consumer = consumer
      self.info = info
    }
  }

  /// A stream's place in the order consumers are finished in.
  private struct Position: Hashable {
    var source: Int
    var entry: Int
  }

  private enum Task {
    case process(Stream, LineChunk)
    case decode(File)
  }

  private let monitor = Monitor()
  private let scheduler: ChunkScheduler
  private let sources: [Source]
  private let makeConsumer: (StreamInfo) -> Consumer
  private let progress: (@Sendable (IngestProgress) -> Void)?

  private var nextSource = 0
  private var files: [File] = []
  /// Chunks ready to process, oldest first; a few at most, since every one is in flight.
  private var ready: [(Stream, LineChunk)] = []
  private var inFlight = 0
  private var unfinishedStreams = 0
  /// Streams read to their end, waiting for those before them to be finished.
  private var completed: [Position: (Stream, StreamEnd)] = [:]
  /// The number of streams of each file read to its end.
  private var streamCounts: [Int: Int] = [:]
  private var nextToFinish = Position(source: 0, entry: 0)
  private var finishing = false

  private var state = IngestProgress()
  private let start = ContinuousClock.now
  private var lastReport = ContinuousClock.now

  init(
    scheduler: ChunkScheduler, sources: [Source], makeConsumer: @escaping (StreamInfo) -> Consumer,
    progress: (@Sendable (IngestProgress) -> Void)?
  ) {
    self.scheduler = scheduler
    self.sources = sources
    self.makeConsumer = makeConsumer
    self.progress = progress
    state.sourcesTotal = sources.count
    state.bytesTotal = sources.reduce(0) { $0 + Self.size(of: $1) }
  }

  /// One worker's loop: take a task, do it outside the lock, until every source is read.
  func work() {
    monitor.lock()
    while true {
      if let task = nextTask() {
        monitor.unlock()
        perform(task)
        monitor.lock()
      } else if nextSource == sources.count && files.isEmpty && unfinishedStreams == 0 {
        break
      } else {
        monitor.wait()
      }
    }
    monitor.wakeAll()
    monitor.unlock()
  }

  // MARK: Choosing work (under the lock)

  /// Chunks ready to process come first, so memory drains; then the first file with room to decode.
  private func nextTask() -> Task? {
    if !ready.isEmpty {
      let (stream, chunk) = ready.removeFirst()
      return .process(stream, chunk)
    }
    guard inFlight < scheduler.chunksInFlight else { return nil }
    if let file = files.first(where: { !$0.decoding }) {
      file.decoding = true
      return .decode(file)
    }
    // Streams read ahead of a slow one wait, holding their consumers: that too is bounded.
    if files.count < scheduler.openFiles && nextSource < sources.count
      && completed.count < scheduler.chunksInFlight
    {
      let file = File(
        cursor: SourceCursor(
          source: sources[nextSource], sourceIndex: nextSource, chunkSize: scheduler.chunkSize,
          maximumLineLength: scheduler.maximumLineLength))
      nextSource += 1
      file.decoding = true
      files.append(file)
      return .decode(file)
    }
    return nil
  }

  // MARK: Doing work (outside the lock)

  private func perform(_ task: Task) {
    switch task {
    case .process(let stream, let chunk):
      let partial = stream.consumer.process(chunk)
      monitor.lock()
      stream.partials[chunk.index] = partial
      absorbReady(stream)
      monitor.unlock()
    case .decode(let file):
      decode(file)
    }
  }

  /// Decodes up to one chunk of `file`, handing on the events before it.
  private func decode(_ file: File) {
    var handled = false
    while !handled {
      monitor.lock()
      let abandon = file.abandonStream
      file.abandonStream = false
      monitor.unlock()
      if abandon { file.cursor.abandonStream() }
      let event = file.cursor.next()
      monitor.lock()
      handled = true
      switch event {
      case .begin(let info):
        file.stream = Stream(consumer: makeConsumer(info), info: info)
        file.stream?.file = file
        file.streamCount += 1
        unfinishedStreams += 1
        handled = false
      case .chunk(let chunk):
        guard let stream = file.stream else { preconditionFailure("a chunk before its stream began") }
        stream.decoded += 1
        inFlight += 1
        if stream.parallel {
          ready.append((stream, chunk))
        } else if stream.serialBusy {
          stream.waiting.append(chunk)
        } else {
          stream.serialBusy = true
          ready.append((stream, chunk))
        }
      case .end(let end):
        guard let stream = file.stream else { preconditionFailure("a stream ended before it began") }
        stream.end = end
        stream.file = nil
        file.stream = nil
        file.abandonStream = false
        finishIfDone(stream)
        handled = false
      case nil:
        files.removeAll { $0 === file }
        streamCounts[file.cursor.sourceIndex] = file.streamCount
        state.sourcesDone += 1
        finishInOrder()
      }
      state.bytesRead += file.cursor.bytesRead - file.bytesCounted
      file.bytesCounted = file.cursor.bytesRead
      if case .chunk(let chunk) = event { state.bytesDecoded += chunk.bytes.count }
      if handled {
        file.decoding = false
        monitor.wakeAll()
      }
      let report = dueProgress()
      monitor.unlock()
      if let report { progress?(report) }
    }
  }

  /// Absorbs the partials that are next in order; one worker at a time per stream. Called and returns
  /// holding the lock.
  private func absorbReady(_ stream: Stream) {
    guard !stream.absorbing else { return }
    stream.absorbing = true
    while let partial = stream.partials.removeValue(forKey: stream.nextToAbsorb) {
      monitor.unlock()
      stream.consumer.absorb(partial)
      monitor.lock()
      stream.nextToAbsorb += 1
      inFlight -= 1
      if let file = stream.file, !stream.consumer.wantsMoreChunks {
        file.abandonStream = true
      }
      if !stream.parallel {
        stream.serialBusy = false
        // Nothing of this stream runs now, so its consumer may be asked.
        if stream.consumer.acceptsChunksInParallel {
          stream.parallel = true
          ready.append(contentsOf: stream.waiting.map { (stream, $0) })
          stream.waiting = []
        } else if !stream.waiting.isEmpty {
          stream.serialBusy = true
          ready.append((stream, stream.waiting.removeFirst()))
        }
      }
    }
    stream.absorbing = false
    finishIfDone(stream)
    monitor.wakeAll()
  }

  /// Marks a stream complete once it ended and every chunk was absorbed. Called and returns holding the lock.
  private func finishIfDone(_ stream: Stream) {
    guard let end = stream.end, stream.nextToAbsorb == stream.decoded, !stream.absorbing else { return }
    stream.end = nil
    completed[Position(source: stream.info.sourceIndex, entry: stream.info.entryIndex)] = (stream, end)
    finishInOrder()
  }

  /// Finishes the complete streams that are next in order, one worker at a time, so consumers are finished
  /// in stream order whatever order the streams completed in. Called and returns holding the lock.
  private func finishInOrder() {
    guard !finishing else { return }
    finishing = true
    while true {
      while let count = streamCounts[nextToFinish.source], nextToFinish.entry == count {
        streamCounts[nextToFinish.source] = nil
        nextToFinish = Position(source: nextToFinish.source + 1, entry: 0)
      }
      guard let (stream, end) = completed.removeValue(forKey: nextToFinish) else { break }
      monitor.unlock()
      stream.consumer.finish(end)
      monitor.lock()
      nextToFinish.entry += 1
      unfinishedStreams -= 1
    }
    finishing = false
    monitor.wakeAll()
  }

  // MARK: Progress

  /// The progress once every source is read.
  func finalProgress() -> IngestProgress? {
    monitor.lock()
    defer { monitor.unlock() }
    return dueProgress(final: true)
  }

  /// The progress to report, at most four times a second. Called holding the lock.
  private func dueProgress(final: Bool = false) -> IngestProgress? {
    guard progress != nil else { return nil }
    let now = ContinuousClock.now
    guard final || lastReport.duration(to: now) >= .milliseconds(250) else { return nil }
    lastReport = now
    state.elapsedSeconds = Self.seconds(start.duration(to: now))
    return state
  }

  private static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private static func size(of source: Source) -> Int {
    var status = stat()
    return stat(source.path, &status) == 0 ? Int(status.st_size) : 0
  }
}
