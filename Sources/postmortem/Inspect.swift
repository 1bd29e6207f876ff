import ArgumentParser
import Formats
import Foundation
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

  @Flag(help: "Print what was read as JSON (one object per stream), for scripts and tests.")
  var json = false

  @OptionGroup var time: TimeOptions

  func run() throws {
    let source = file == "-" ? Source.standardInput : Source(path: file)
    let inspected = InspectedStreams()
    let options = time.readOptions
    ChunkScheduler().run([source]) {
      InspectedStream($0, records: records, options: options, into: inspected)
    }
    var worst: Int32 = 0
    for stream in inspected.all where stream.failure != nil {
      worst = max(worst, stream.stats.records > 0 ? 1 : 2)
    }
    if json {
      try printJSON(inspected.all)
      if worst > 0 { throw ExitCode(worst) }
      return
    }
    for stream in inspected.all {
      print("file: \(stream.path)")
      let stats = stream.stats
      print("compression: \(stats.compression.rawValue)")
      print("format: \(stats.format?.rawValue ?? "unrecognised")")
      print("bytes: \(stats.bytesRead) read, \(stats.bytesDecoded) decoded")
      print(
        "lines: \(stats.lines), records: \(stats.records), continued: \(stats.continued), skipped: \(stats.skipped)"
      )
      if let format = stats.format, stats.records > 0 {
        print(
          "readers: "
            + Self.readers(of: stats, own: format).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
      }
      if !stream.first.isEmpty { print("first records:\n" + stream.first.joined(separator: "\n")) }
      for skipped in stats.skippedExamples {
        print("skipped \(skipped.path):\(skipped.line): \(skipped.reason)")
      }
      if let access = stream.access {
        print("routes: \(access.routes), upstreams: \(access.upstreams), clients: \(access.clients)")
      }
      if let snapshot = stream.lastSnapshot {
        print(
          "snapshots: \(stream.snapshots), last at \(snapshot.time.rfc3339): \(snapshot.rows.count) connections"
        )
      }
      if let failure = stream.failure { Terminal.error(failure) }
    }
    if worst > 0 { throw ExitCode(worst) }
  }

  /// Which reader read how many records: the source's format first, then those that read the lines it could not,
  /// most first (ties in catalog order).
  static func readers(of stats: SourceStats, own: Format) -> [(key: String, value: Int)] {
    let others = stats.borrowed.sorted {
      $0.value != $1.value
        ? $0.value > $1.value
        : Format.allCases.firstIndex(of: $0.key)! < Format.allCases.firstIndex(of: $1.key)!
    }
    let borrowed = others.reduce(0) { $0 + $1.value }
    return [(own.rawValue, stats.records - borrowed)] + others.map { ($0.key.rawValue, $0.value) }
  }

  private func printJSON(_ streams: [InspectedStreamReport]) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(InspectionJSON(sources: streams.map(InspectionJSON.Source.init)))
    print(String(decoding: data, as: UTF8.self))
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
    case .database(let record):
      return "database \(record.time.rfc3339): \(summary(of: record))"
    case .continuation, .structure, .malformed:
      return "\(record)"
    }
  }
}

/// A database record in one line: what the report would cite.
private func summary(of record: DatabaseRecord) -> String {
  switch record {
  case .slowQuery(let query):
    return "slow query user \(query.user) \(query.queryTime) s rows examined \(query.rowsExamined)"
  case .innodbStatus(let status):
    let oldest = status.transactions.map(\.activeSeconds).max() ?? 0
    let waiting = status.transactions.filter { $0.lockWaitSeconds != nil }.count
    return
      "innodb status: \(status.transactions.count) transactions (oldest \(oldest) s, \(waiting) in lock wait)"
      + (status.deadlock.map { " deadlock at \($0.time.rfc3339)" } ?? "")
  case .lockWaits(let snapshot):
    return "lock waits: \(snapshot.waits.count) (blocking threads "
      + "\(Set(snapshot.waits.compactMap(\.blockingThread)).sorted().map(String.init).joined(separator: ", ")))"
  }
}

/// What inspecting one stream found.
struct InspectedStreamReport {
  var path: String
  var stats: SourceStats
  var first: [String]
  var failure: String?
  var snapshots: Int
  var lastSnapshot: ProcesslistSnapshot?
  /// For an access log: distinct routes, upstreams and clients.
  var access: AccessCounts?
}

/// The distinct routes (method and path template), upstreams and clients of an access log; each count stops
/// at `limit`, so a huge log cannot hold a set per line.
struct AccessCounts: Encodable {
  static let limit = 100_000
  private var routeKeys = Set<[UInt8]>()
  private var upstreamKeys = Set<[UInt8]>()
  private var clientKeys = Set<[UInt8]>()
  private var buffer: [UInt8] = []

  var routes: Int { routeKeys.count }
  var upstreams: Int { upstreamKeys.count }
  var clients: Int { clientKeys.count }

  enum CodingKeys: String, CodingKey { case routes, upstreams, clients }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(routes, forKey: .routes)
    try container.encode(upstreams, forKey: .upstreams)
    try container.encode(clients, forKey: .clients)
  }

  mutating func add(_ record: AccessRecord, line: UnsafeRawBufferPointer) {
    AccessKeys.route(record, in: line, into: &buffer)
    if routeKeys.count < Self.limit { routeKeys.insert(buffer) }
    if let upstream = record.upstreamCluster ?? record.upstream, upstreamKeys.count < Self.limit {
      upstreamKeys.insert(Array(line[upstream]))
    }
    if let client = record.client, clientKeys.count < Self.limit { clientKeys.insert(Array(line[client])) }
  }
}

/// `inspect --json`: what was read from each stream, with per-user and per-command counts of a processlist
/// input's last snapshot.
struct InspectionJSON: Encodable {
  struct Snapshot: Encodable {
    var time: String
    var line: Int
    var connections: Int
    var users: [String: Int]
    var commands: [String: Int]
  }

  struct Source: Encodable {
    var path: String
    var compression: String
    var format: String?
    var bytesRead: Int
    var bytesDecoded: Int
    var lines: Int
    var records: Int
    var continued: Int
    var skipped: Int
    /// Records per reader: the source's format and any that read lines it could not.
    var readers: [String: Int]
    var skippedExamples: [SkippedLine]
    var error: String?
    var snapshots: Int?
    var lastSnapshot: Snapshot?
    var access: AccessCounts?

    init(_ report: InspectedStreamReport) {
      path = report.path
      compression = report.stats.compression.rawValue
      format = report.stats.format?.rawValue
      bytesRead = report.stats.bytesRead
      bytesDecoded = report.stats.bytesDecoded
      lines = report.stats.lines
      records = report.stats.records
      continued = report.stats.continued
      skipped = report.stats.skipped
      readers =
        report.stats.format.map { format in
          Dictionary(
            uniqueKeysWithValues: Inspect.readers(of: report.stats, own: format).filter { $0.value > 0 })
        } ?? [:]
      skippedExamples = report.stats.skippedExamples
      error = report.failure
      snapshots = report.lastSnapshot == nil ? nil : report.snapshots
      access = report.access
      lastSnapshot = report.lastSnapshot.map { snapshot in
        Snapshot(
          time: snapshot.time.rfc3339, line: snapshot.line, connections: snapshot.rows.count,
          users: Dictionary(grouping: snapshot.rows, by: \.user).mapValues(\.count),
          commands: Dictionary(grouping: snapshot.rows, by: \.command).mapValues(\.count))
      }
    }
  }

  var sources: [Source]
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
  private var snapshots = 0
  private var lastSnapshot: ProcesslistSnapshot?
  private var access: AccessCounts?

  init(_ stream: StreamInfo, records: Int, options: ReadOptions, into sink: InspectedStreams) {
    path = stream.source.path
    limit = records
    self.sink = sink
    reader = SourceReader(source: stream.source, options: options)
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
    sink.add(
      InspectedStreamReport(
        path: path, stats: reader.stats, first: first, failure: failure, snapshots: snapshots,
        lastSnapshot: lastSnapshot, access: access))
  }

  private func keep(_ record: Record, _ context: RecordContext) {
    if case .snapshot(let snapshot) = record {
      snapshots += 1
      lastSnapshot = snapshot
    }
    if case .request(let request) = record {
      if access == nil { access = AccessCounts() }
      access!.add(request, line: context.line)
    }
    guard first.count < limit else { return }
    first.append("  line \(context.lineNumber): " + Inspect.describe(record, line: context.line))
  }
}
