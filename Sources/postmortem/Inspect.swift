import ArgumentParser
import Formats
import Ingest
import Synchronization

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what Postmortem reads in one file: compression, format, first records, parse counts.",
    discussion: "A tar archive is shown entry by entry; - reads standard input.")

  @Argument(help: "The file to inspect.")
  var file: String

  @Option(help: "How many records to show.")
  var records = 5

  func run() throws {
    let source = file == "-" ? Source.standardInput : Source(path: file)
    let inspected = InspectedStreams()
    ChunkScheduler().run([source]) { InspectedStream($0, records: records, into: inspected) }
    var worst: Int32 = 0
    for stream in inspected.all {
      print("file: \(stream.path)")
      let stats = stream.stats
      print("compression: \(stats.compression.rawValue)")
      print("format: \(stats.format?.rawValue ?? "unrecognised")")
      print("bytes: \(stats.bytesRead) read, \(stats.bytesDecoded) decoded")
      print("lines: \(stats.lines), records: \(stats.records), skipped: \(stats.skipped)")
      if !stream.first.isEmpty { print("first records:\n" + stream.first.joined(separator: "\n")) }
      for skipped in stats.skippedExamples {
        print("skipped \(skipped.path):\(skipped.line): \(skipped.reason)")
      }
      if let failure = stream.failure {
        Terminal.error(failure)
        worst = max(worst, stats.records > 0 ? 1 : 2)
      }
    }
    if worst > 0 { throw ExitCode(worst) }
  }

  /// One record as a person reads it: kind, UTC time and the fields Postmortem took from it.
  static func describe(_ record: Record, line: UnsafeRawBufferPointer) -> String {
    func text(_ range: Range<Int>) -> String {
      String(
        decoding: UnsafeRawBufferPointer(rebasing: line[range.clamped(to: 0..<line.count)]), as: UTF8.self)
    }
    switch record {
    case .log(let event):
      return "log \(event.time.rfc3339) \(event.level.name): \(text(event.message).prefix(160))"
    case .request(let request):
      let cluster = request.upstreamCluster.map { " cluster \(text($0))" } ?? ""
      return
        "request \(request.time.rfc3339) status \(request.status) \(request.durationMilliseconds) ms\(cluster)"
    case .sample(let sample):
      return "sample \(sample.time.rfc3339) series #\(sample.series) = \(sample.value)"
    case .snapshot(let snapshot):
      let users = Dictionary(grouping: snapshot.rows, by: \.user).map { "\($0.key) \($0.value.count)" }
        .sorted()
      return
        "processlist \(snapshot.time.rfc3339): \(snapshot.rows.count) connections (\(users.joined(separator: ", ")))"
    case .continuation, .structure, .malformed:
      return "\(record)"
    }
  }
}

/// What inspecting one stream found.
struct InspectedStreamReport {
  var path: String
  var stats: SourceStats
  var first: [String]
  var failure: String?
}

/// The reports of every stream, in order (the scheduler finishes streams in order).
final class InspectedStreams: Sendable {
  private let reports = Mutex<[InspectedStreamReport]>([])

  func add(_ report: InspectedStreamReport) { reports.withLock { $0.append(report) } }

  var all: [InspectedStreamReport] { reports.withLock { $0 } }
}

/// Reads one stream in order, keeping its first records as text.
final class InspectedStream: ChunkConsumer, @unchecked Sendable {
  private let path: String
  private let limit: Int
  private let sink: InspectedStreams
  private var reader: SourceReader
  private var first: [String] = []

  init(_ stream: StreamInfo, records: Int, into sink: InspectedStreams) {
    path = stream.source.path
    limit = records
    self.sink = sink
    reader = SourceReader(source: stream.source)
  }

  var acceptsChunksInParallel: Bool { false }

  var wantsMoreChunks: Bool { reader.failure == nil }

  func process(_ chunk: LineChunk) {
    reader.read(chunk) { record, context in keep(record, context) }
  }

  func absorb(_ partial: Void) {}

  func finish(_ end: StreamEnd) {
    reader.end(end) { record, context in keep(record, context) }
    let failure = end.fault.map(String.init(describing:)) ?? reader.failure.map(String.init(describing:))
    sink.add(InspectedStreamReport(path: path, stats: reader.stats, first: first, failure: failure))
  }

  private func keep(_ record: Record, _ context: RecordContext) {
    guard first.count < limit else { return }
    first.append("  line \(context.lineNumber): " + Inspect.describe(record, line: context.line))
  }
}
