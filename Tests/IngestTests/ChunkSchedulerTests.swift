import Ingest
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Reading many sources on all cores")
struct ChunkSchedulerTests {
  @Test("every line of every source arrives once, numbered, and streams finish in source order")
  func allLinesInOrder() throws {
    let directory = try TemporaryDirectory()
    var paths: [String] = []
    var expected: [[String]] = []
    for index in 0..<7 {
      let lines = sampleLines(500 + index * 300, tag: "file\(index)")
      let bytes = joined(lines)
      let packed =
        index % 3 == 0
        ? bytes : index % 3 == 1 ? try Compressors.gzip(bytes) : try Compressors.lz4Frame(bytes)
      paths.append(try directory.write(packed, to: "f\(index).log"))
      expected.append(lines)
    }

    for workers in [1, 2, 4] {
      for chunkSize in [1 << 10, 7_777, 4 << 20] {
        let streams = collectStreams(paths) { scheduler in
          scheduler = ChunkScheduler(workers: workers)
          scheduler.chunkSize = chunkSize
        }
        #expect(streams.map(\.path) == paths, "workers \(workers), chunk \(chunkSize)")
        #expect(streams.map(\.lines) == expected, "workers \(workers), chunk \(chunkSize)")
        #expect(streams.allSatisfy { $0.numbers == Array(1...$0.numbers.count) })
        #expect(streams.allSatisfy { $0.fault == nil })
      }
    }
  }

  @Test("with one chunk in flight the scheduler still finishes; serial consumers see chunks in order")
  func tightBudget() throws {
    let directory = try TemporaryDirectory()
    let lines = sampleLines(5_000)
    let path = try directory.write(try Compressors.gzip(joined(lines)), to: "one.log.gz")
    let streams = collectStreams([path, path + ".missing"], parallel: false) { scheduler in
      scheduler.chunksInFlight = 1
      scheduler.openFiles = 1
      scheduler.chunkSize = 4_096
    }
    #expect(streams.count == 2)
    #expect(streams.first?.lines == lines)
    #expect(streams.last?.lines == [])
    #expect(streams.last?.fault == .unreadable(path: path + ".missing", reason: "No such file or directory"))
  }

  @Test("a truncated source ends with its fault after the lines before it, and the run goes on")
  func faultEndsOneStream() throws {
    let directory = try TemporaryDirectory()
    let lines = sampleLines(20_000)
    let packed = try Compressors.gzip(joined(lines))
    let cut = try directory.write(Array(packed.prefix(packed.count / 2)), to: "a-cut.log.gz")
    let whole = try directory.write(joined(lines), to: "b-whole.log")
    let streams = collectStreams([cut, whole]) { $0.chunkSize = 8_192 }
    #expect(streams.map(\.path) == [cut, whole])
    let truncated = streams[0]
    guard case .truncated(let path, .gzip, let offset) = truncated.fault else {
      Issue.record("expected a truncation, got \(String(describing: truncated.fault))")
      return
    }
    #expect(path == cut && offset <= packed.count / 2)
    #expect(!truncated.lines.isEmpty && truncated.lines == Array(lines.prefix(truncated.lines.count)))
    #expect(streams[1].lines == lines && streams[1].fault == nil)
  }

  @Test("standard input is read as a source, compressed or not")
  func standardInput() throws {
    let directory = try TemporaryDirectory()
    let lines = sampleLines(2_000)
    let path = try directory.write(try Compressors.gzip(joined(lines)), to: "piped.log.gz")
    // Standard input is this process's: point it at the file for the run, then put it back.
    let file = open(path, O_RDONLY)
    let saved = dup(STDIN_FILENO)
    try #require(file >= 0 && saved >= 0)
    dup2(file, STDIN_FILENO)
    defer {
      dup2(saved, STDIN_FILENO)
      close(saved)
      close(file)
    }
    let sink = StreamSink()
    ChunkScheduler().run([.standardInput]) { LineCollector($0, parallel: true, sink: sink) }
    let streams = sink.streams.withLock { $0 }
    #expect(streams.map(\.path) == [Source.standardInput.path])
    #expect(streams.map(\.compression) == [.gzip])
    #expect(streams.first?.lines == lines)
  }

  @Test("progress is reported, and at the end it counts every source and byte")
  func progress() throws {
    let directory = try TemporaryDirectory()
    let bytes = joined(sampleLines(3_000))
    let paths = try (0..<3).map { try directory.write(bytes, to: "p\($0).log") }
    let reports = ProgressReports()
    let sink = StreamSink()
    ChunkScheduler().run(paths.map(Source.init(path:)), progress: { reports.add($0) }) {
      LineCollector($0, parallel: true, sink: sink)
    }
    let last = try #require(reports.all.last)
    #expect(last.sourcesDone == 3 && last.sourcesTotal == 3)
    #expect(last.bytesRead == 3 * bytes.count && last.bytesTotal == 3 * bytes.count)
    #expect(last.bytesDecoded == 3 * bytes.count)
  }
}

private final class ProgressReports: Sendable {
  private let reports = Mutex<[IngestProgress]>([])

  func add(_ report: IngestProgress) { reports.withLock { $0.append(report) } }

  var all: [IngestProgress] { reports.withLock { $0 } }
}
