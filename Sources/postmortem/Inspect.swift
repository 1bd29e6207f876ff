import ArgumentParser
import Formats
import Ingest

struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what Postmortem reads in one file: compression, format, first records, parse counts.")

  @Argument(help: "The file to inspect.")
  var file: String

  @Option(help: "How many records to show.")
  var records = 5

  func run() throws {
    var reader = SourceReader(source: Source(path: file))
    var first: [String] = []
    var failure: String?
    do {
      try reader.read { record, context in
        if first.count < records {
          first.append("  line \(context.lineNumber): " + Self.describe(record, line: context.line))
        }
      }
    } catch {
      failure = String(describing: error)
    }
    let stats = reader.stats
    print("file: \(file)")
    print("compression: \(stats.compression.rawValue)")
    print("format: \(stats.format?.rawValue ?? "unrecognised")")
    print("bytes: \(stats.bytesRead) read, \(stats.bytesDecoded) decoded")
    print("lines: \(stats.lines), records: \(stats.records), skipped: \(stats.skipped)")
    if !first.isEmpty { print("first records:\n" + first.joined(separator: "\n")) }
    for skipped in stats.skippedExamples {
      print("skipped \(skipped.path):\(skipped.line): \(skipped.reason)")
    }
    if let failure {
      Terminal.error(failure)
      throw ExitCode(stats.records > 0 ? 1 : 2)
    }
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
