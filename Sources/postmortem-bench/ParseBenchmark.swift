import ArgumentParser
import Formats
import Foundation
import Ingest

/// Format detection and parsing alone, single-threaded, on an uncompressed log: what one core reads before
/// decompression, aggregation or the scheduler's parallelism enter.
struct ParseBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Repeat a log to --size in a plain file; time detection and parsing of it on one thread.",
    discussion: "Last line: parse <format> mb-per-second <x> lines-per-second <y>")

  @Option(help: "The log to repeat (plain or compressed); by default the sample's Spring Boot shipping log.")
  var log = "Samples/robot-shop-db-exhaustion/logs/shipping/shipping-6c8d9f7b54-2xkqp.log.gz"

  @Option(help: "Size of the plain file to parse, e.g. 300MB.")
  var size = "300MB"

  @Option(help: "Runs; the fastest is reported.")
  var runs = 3

  func run() throws {
    guard let bytes = IngestBenchmark.parse(size) else {
      throw ValidationError("--size \(size): expected e.g. 300MB")
    }
    let text = try Self.decoded(log)
    guard !text.isEmpty else { throw ValidationError("\(log): no lines to repeat") }
    let path = NSTemporaryDirectory() + "postmortem-parse-\(getpid()).log"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var written: Int64 = 0
    while written < bytes {
      try handle.write(contentsOf: text)
      written += Int64(text.count)
    }
    try handle.close()

    var best = Double.infinity
    var lines = 0
    var format = "unrecognised"
    for _ in 0..<max(1, runs) {
      var reader = SourceReader(source: Source(path: path))
      let start = DispatchTime.now().uptimeNanoseconds
      var records = 0
      try reader.read { _, _ in records += 1 }
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      lines = reader.stats.lines
      format = reader.stats.format?.rawValue ?? format
    }
    let megabytes = Double(written) / 1e6
    print(
      "\(Int(megabytes)) MB, \(lines) lines of \(format) in \(IngestBenchmark.seconds(best)) s (best of \(runs))"
    )
    print(
      "parse \(format) mb-per-second \(Int(megabytes / best)) lines-per-second \(Int(Double(lines) / best))")
  }

  /// The log's decoded bytes, read through Postmortem's own decoders.
  private static func decoded(_ path: String) throws -> Data {
    var reader = LineReader(source: Source(path: path))
    var data = Data()
    try reader.forEachLine { line, _ in
      data.append(contentsOf: line)
      data.append(0x0A)
    }
    return data
  }
}
