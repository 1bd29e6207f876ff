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
        if first.count < records { first.append("  line \(context.lineNumber): \(record)") }
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
}
