import Analysis
import Formats
import Foundation
import Ingest
import SampleGenerator
import Signals
import Testing

/// Issue 3's fuzz test: real compressed samples, cut short, bit-flipped and overwritten at places a fixed seed
/// picks. Every corrupted copy must be read to an end, and either report an error or read exactly what the
/// intact file reads; a changed or shorter result without an error would be data lost silently.
@Suite("Corrupted compressed samples", .timeLimit(.minutes(1)))
struct CorruptionFuzzTests {
  /// Each compression and several formats, among the bundle's smaller files so that a hundred reads stay within
  /// seconds in a debug build; the bundle holds no zstd, so the `.zst` is written here from its `.gz`.
  static let samples = [
    "metrics/prometheus-scrapes.prom.gz", "logs/catalogue/catalogue-7d4b9c6f5-x8k2p.log.gz",
    "logs/cart/cart-6b8d7c5f4-q2w7e.log.lz4", "logs/ratings/ratings-5f7c9b8d4-k2x7p.log.lz4",
    "metrics/prometheus-scrapes.prom.zst",
  ]

  @Test(
    "every truncation, bit flip and overwrite returns, and reports an error or reads the intact file's records",
    arguments: samples)
  func corruptedCopies(sample: String) throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (intact, corruptions) = try Self.prepare(sample, in: directory)
    let copy = directory.appendingPathComponent((sample as NSString).lastPathComponent).path
    try Data(intact).write(to: URL(fileURLWithPath: copy))
    let expected = read(copy)
    try #require(expected.error == nil && expected.records.count > 100, "\(sample): \(expected)")

    var harmless: [Corruption] = []
    for corruption in corruptions {
      try Data(corruption.applied(to: intact)).write(to: URL(fileURLWithPath: copy))
      let result = read(copy)
      if let error = result.error {
        #expect(error.hasPrefix(copy), "\(sample), \(corruption): the error names the file: \(error)")
        if corruption.isTruncation {
          // A cut keeps what came before it: the lines delivered are the intact file's first ones, though a
          // source's last record (a processlist table cut short, say) may be handed on from the rows read.
          let kept = result.records.dropLast()
          #expect(kept.elementsEqual(expected.records.prefix(kept.count)), "\(sample), \(corruption)")
        }
      } else if result.records == expected.records {
        harmless.append(corruption)
      } else {
        Issue.record(
          "\(sample), \(corruption): \(result.records.count) records instead of \(expected.records.count), no error"
        )
      }
    }
    // Every cut before the end loses the end marker or checksum that the decoders insist on.
    #expect(harmless.filter(\.isTruncation).isEmpty, "\(sample): \(harmless)")
    // What no checksum covers (gzip's MTIME, XFL and OS bytes, say) is a few bytes of thousands.
    #expect(harmless.count * 10 <= corruptions.count, "\(sample): \(harmless)")
  }

  @Test("the pipeline reports every corrupted copy, read all in one run, as the reader alone does")
  func pipelineAgrees() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var expected: [String: ReadResult] = [:]
    for sample in Self.samples {
      let (intact, corruptions) = try Self.prepare(sample, in: directory)
      // The first random cut, bit flip and overwrite of each sample.
      for (index, corruption) in corruptions.enumerated() where [2, 8, 16].contains(index) {
        let path = directory.appendingPathComponent("\(index)-\((sample as NSString).lastPathComponent)").path
        try Data(corruption.applied(to: intact)).write(to: URL(fileURLWithPath: path))
        expected[path] = read(path)
      }
    }

    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())

    #expect(extraction.sources.map(\.path) == expected.keys.sorted())
    for outcome in extraction.sources {
      let alone = try #require(expected[outcome.path])
      #expect(outcome.error != nil, "\(outcome.path)")
      #expect(outcome.error == alone.error, "\(outcome.path)")
      #expect(outcome.stats.records == alone.records.count, "\(outcome.path)")
    }
  }

  @Test("a corrupted time decades before the rest of its file is left out and named, not a window of decades")
  func strayTime() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let sample = "logs/cart/cart-6b8d7c5f4-q2w7e.log.lz4"
    let (intact, corruptions) = try Self.prepare(sample, in: directory)
    // This overwrite decodes, before the content checksum fails, into lines stamped `"time":17957487826` (July
    // 1970) and `"time":179574822045` (1975): one bucket per 10 s from there to 2026 once asked for 6 GB and
    // aborted the run.
    let path = directory.appendingPathComponent("cart.log.lz4").path
    try Data(corruptions[16].applied(to: intact)).write(to: URL(fileURLWithPath: path))

    let extraction = SignalExtractor.extract(paths: [path], options: ExtractionOptions())

    let outcome = try #require(extraction.sources.first)
    #expect(
      outcome.error?.contains("ERROR_contentChecksum_invalid") == true, "\(outcome.error ?? "no error")")
    #expect(outcome.strayRecords > 0 && outcome.strayRecords * 100 < outcome.stats.records, "\(outcome)")
    #expect(extraction.windowEnd - extraction.windowStart < 86_400_000, "the window is the file's hour")
    let quality = IncidentAnalyzer.analyze(extraction, title: "stray time").document.dataQuality
    let named = "\(path): \(outcome.strayRecords) records dated too far from the rest of the file"
    #expect(quality.errors.contains { $0.hasPrefix(named) }, "\(quality.errors)")
  }

  /// The sample's intact bytes and the corruptions to try on them, the same on every run.
  private static func prepare(
    _ sample: String, in directory: URL
  ) throws -> (intact: [UInt8], corruptions: [Corruption]) {
    let intact = try intactBytes(of: sample, in: directory)
    var generator = SplitMix64(seed: 0x5EED_0003 &+ UInt64(samples.firstIndex(of: sample)!))
    return (intact, Corruption.batch(for: intact.count, using: &generator))
  }

  /// The committed sample's bytes; a `.zst` one is written with the `.gz` of the same name's lines.
  private static func intactBytes(of sample: String, in directory: URL) throws -> [UInt8] {
    let bundle = Bundles.root.appendingPathComponent("Samples/robot-shop-db-exhaustion")
    guard sample.hasSuffix(".zst") else {
      return try Array(Data(contentsOf: bundle.appendingPathComponent(sample)))
    }
    let path = directory.appendingPathComponent(".written.zst").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let writer = try CompressedFileWriter(path: path, compression: .zstd)
    var reader = LineReader(
      source: Source(path: bundle.appendingPathComponent(sample.dropLast(4) + ".gz").path))
    try reader.forEachLine { line, _ in try writer.write(Array(line) + [0x0A]) }
    try writer.close()
    return try Array(Data(contentsOf: URL(fileURLWithPath: path)))
  }
}

/// What reading one file through `SourceReader` gave: every record with its line's number and bytes, and the
/// error that ended the reading, if any.
private struct ReadResult: CustomStringConvertible {
  struct Line: Equatable {
    var record: Record
    var number: Int
    var bytes: [UInt8]
  }

  var records: [Line] = []
  var error: String?

  var description: String { "\(records.count) records, error: \(error ?? "none")" }
}

private func read(_ path: String) -> ReadResult {
  var reader = SourceReader(source: Source(path: path))
  var result = ReadResult()
  do {
    try reader.read { record, context in
      result.records.append(.init(record: record, number: context.lineNumber, bytes: Array(context.line)))
    }
  } catch {
    result.error = String(describing: error)
  }
  return result
}

/// One way of damaging a file.
private enum Corruption: CustomStringConvertible {
  /// The file cut to its first `length` bytes, as a copy interrupted or a disk filled up leaves it.
  case truncation(length: Int)
  /// One bit inverted, as a bad sector or a memory error leaves it.
  case bitFlip(offset: Int, bit: Int)
  /// A run of bytes replaced, as a torn write or a block of another file leaves it.
  case overwrite(offset: Int, bytes: [UInt8])

  /// In this order: two cuts (to the first byte, to all but the last), six cuts at random, eight bit flips and
  /// four overwrites of up to 64 bytes.
  static func batch(for count: Int, using generator: inout SplitMix64) -> [Corruption] {
    var batch: [Corruption] = [.truncation(length: 1), .truncation(length: count - 1)]
    for _ in 0..<6 {
      batch.append(.truncation(length: Int.random(in: 2..<count - 1, using: &generator)))
    }
    for _ in 0..<8 {
      batch.append(
        .bitFlip(
          offset: Int.random(in: 0..<count, using: &generator), bit: Int.random(in: 0..<8, using: &generator))
      )
    }
    for _ in 0..<4 {
      let length = Int.random(in: 1...64, using: &generator)
      let offset = Int.random(in: 0..<count - length, using: &generator)
      batch.append(
        .overwrite(
          offset: offset, bytes: (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    }
    return batch
  }

  var isTruncation: Bool {
    if case .truncation = self { true } else { false }
  }

  func applied(to intact: [UInt8]) -> [UInt8] {
    var bytes = intact
    switch self {
    case .truncation(let length):
      bytes.removeSubrange(length...)
    case .bitFlip(let offset, let bit):
      bytes[offset] ^= 1 << bit
    case .overwrite(let offset, let replacement):
      bytes.replaceSubrange(offset..<offset + replacement.count, with: replacement)
    }
    return bytes
  }

  var description: String {
    switch self {
    case .truncation(let length): "cut to \(length) bytes"
    case .bitFlip(let offset, let bit): "bit \(bit) of byte \(offset) flipped"
    case .overwrite(let offset, let bytes): "\(bytes.count) bytes at \(offset) overwritten"
    }
  }
}
