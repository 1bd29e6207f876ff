import Analysis
import Foundation
import Ingest
import Signals
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 3's faults, each beside a valid log, through the whole pipeline: what was decoded before the fault is
/// kept and counted, the fault is named with its file and offset, and the run goes on.
@Suite("Faults among good evidence")
struct FaultToleranceTests {
  @Test(
    "a truncated compressed log keeps the records before the cut and reports the byte it was cut at",
    arguments: [Compression.gzip, .lz4, .zstd])
  func truncated(compression: Compression) throws {
    let evidence = try Evidence()
    let lines = (0..<4000).map(envoyLine)
    let whole = try compressed(lines, compression, in: evidence)
    let cut = whole.count * 3 / 4
    let path = try evidence.write(Array(whole.prefix(cut)), to: "shipping-istio-proxy.log.\(compression)")

    let extraction = evidence.extract()

    evidence.expectGoodLogWhole(extraction)
    let outcome = try #require(extraction.sources.first { $0.path == path })
    let error = try #require(outcome.error)
    #expect(error.hasPrefix(path), "\(error)")
    #expect(error.contains("truncated at byte \(cut)"), "\(error)")
    #expect(outcome.stats.compression == compression)
    #expect(outcome.stats.bytesRead == cut)
    #expect(outcome.stats.records > 0 && outcome.stats.records < lines.count, "\(outcome.stats)")
    if compression == .lz4 {
      #expect(outcome.stats.records >= lines.count / 2, "the whole first frame precedes the cut")
    }
    // Every whole line before the cut is an access record; the line the cut went through is not delivered.
    #expect(outcome.stats.lines == outcome.stats.records)
    #expect(outcome.stats.skipped == 0)
  }

  @Test("a 20 MB line is skipped with a message naming file and line, and the lines after it are read")
  func twentyMegabyteLine() throws {
    let evidence = try Evidence()
    let long = springBootLine(10) + String(repeating: "x", count: 20 << 20)
    let lines = (0..<10).map(springBootLine) + [long] + (11..<21).map(springBootLine)
    let path = try evidence.write(lines.joined(separator: "\n") + "\n", to: "long.log")

    let extraction = evidence.extract()

    evidence.expectGoodLogWhole(extraction)
    let outcome = try #require(extraction.sources.first { $0.path == path })
    #expect(outcome.error == nil, "a long line is a skipped line, not a fault of the file")
    #expect(outcome.stats.lines == 21)
    #expect(outcome.stats.records == 20)
    #expect(outcome.stats.skipped == 1)
    let reason = "line of \(long.utf8.count) bytes exceeds the framing limit"
    let skipped = outcome.stats.skippedExamples.map { "\($0.path):\($0.line): \($0.reason)" }
    #expect(skipped == ["\(path):11: \(reason)"])
    let quality = IncidentAnalyzer.analyze(extraction, title: "long line").document.dataQuality
    #expect(quality.errors.contains("\(path):11: skipped: \(reason)"), "\(quality.errors)")
  }

  @Test(
    "binary and non-UTF-8 bytes inside log lines crash nothing; lines of valid structure are still parsed")
  func binaryBytes() throws {
    let evidence = try Evidence()
    let invalid: [UInt8] = [0xFF, 0xFE, 0xC3, 0x00, 0x80, 0xED, 0xA0, 0x80, 0x1B]
    var bytes: [UInt8] = []
    // Five events whose messages hold invalid UTF-8 and a NUL.
    for index in 0..<5 {
      bytes += Array(springBootLine(index).utf8) + invalid + Array(" tail\n".utf8)
    }
    // A time stamp followed by binary: malformed, skipped.
    bytes += Array("2026-11-27 02:31:00.000 ".utf8) + invalid + [0x0A]
    // A run of binary with no time stamp: read as a continuation of the event before it.
    bytes += invalid + invalid + [0x0A]
    bytes += Array((springBootLine(5) + "\n").utf8)
    let path = try evidence.write(bytes, to: "binary.log")

    let extraction = evidence.extract()

    evidence.expectGoodLogWhole(extraction)
    let outcome = try #require(extraction.sources.first { $0.path == path })
    #expect(outcome.error == nil)
    #expect(outcome.stats.format == .springBoot)
    #expect(outcome.stats.lines == 8)
    #expect(outcome.stats.records == 6)
    #expect(outcome.stats.skipped == 1)
    #expect(outcome.stats.skippedExamples.map(\.line) == [6])
    // Citations of the damaged lines are Strings with the bad bytes replaced, not dropped or trapped on.
    let cited = extraction.signals.flatMap(\.examples).filter { $0.path == path }
    #expect(!cited.isEmpty)
    for example in cited where example.line <= 5 {
      #expect(example.text.unicodeScalars.contains("\u{FFFD}"), "\(example.text)")
      #expect(example.text.hasSuffix(" tail"), "\(example.text)")
    }
  }

  @Test("an empty file is no error and has no lines")
  func emptyFile() throws {
    let evidence = try Evidence()
    let path = try evidence.write([], to: "empty.log")

    let extraction = evidence.extract()

    evidence.expectGoodLogWhole(extraction)
    let outcome = try #require(extraction.sources.first { $0.path == path })
    #expect(outcome.error == nil)
    #expect(outcome.stats.lines == 0)
    #expect(outcome.stats.records == 0)
    #expect(outcome.stats.skipped == 0)
  }

  @Test(
    "a file without read permission is reported as unreadable, naming it",
    .disabled(if: getuid() == 0, "root reads any file whatever its permissions, so none is unreadable"))
  func unreadableFile() throws {
    let evidence = try Evidence()
    let path = try evidence.write(springBootLine(0) + "\n", to: "locked.log")
    #expect(chmod(path, 0) == 0)

    let extraction = evidence.extract()

    evidence.expectGoodLogWhole(extraction)
    let outcome = try #require(extraction.sources.first { $0.path == path })
    let error = try #require(outcome.error)
    #expect(error == "\(path): cannot read: \(String(cString: strerror(EACCES)))")
    #expect(outcome.stats.lines == 0)
  }

  @Test("a missing path is reported by name among the discovery errors and the given directory is read")
  func missingPath() throws {
    let evidence = try Evidence()
    let missing = evidence.directory.appendingPathComponent("rotated/shipping.log.1.gz").path

    let extraction = SignalExtractor.extract(
      paths: [evidence.directory.path, missing], options: ExtractionOptions())

    evidence.expectGoodLogWhole(extraction)
    #expect(extraction.discoveryErrors == ["\(missing): no such file or directory"])
    #expect(extraction.sources.count == 1)
  }

  @Test(
    "a record dated decades from the rest of its file is left out and named; the window stays on the others")
  func strayTime() throws {
    let evidence = try Evidence()
    var lines = (0..<200).map { pinoLine(time: 1_795_746_600_000 + Int64($0) * 1000, $0) }
    lines[100] = pinoLine(time: 17_957_487_826, 100)  // a digit lost: July 1970
    let path = try evidence.write(lines.joined(separator: "\n") + "\n", to: "cart.log")

    let extraction = evidence.extract()

    evidence.expectGoodLogWhole(extraction)
    let outcome = try #require(extraction.sources.first { $0.path == path })
    #expect(outcome.error == nil)
    #expect(outcome.stats.records == 200, "the reader reads it; the signals leave it out")
    #expect(outcome.strayRecords == 1)
    #expect(extraction.windowEnd - extraction.windowStart < 3_600_000, "\(extraction.windowStart)")
    let quality = IncidentAnalyzer.analyze(extraction, title: "stray").document.dataQuality
    #expect(quality.errors.contains { $0.hasPrefix("\(path): 1 records dated too far") }, "\(quality.errors)")
  }

  @Test("the first lines of a file stamped before its clock was set are left out, not the lines after them")
  func clockSetAfterBoot() throws {
    let evidence = try Evidence()
    let boot = (0..<5).map { pinoLine(time: Int64($0) * 1000, $0) }
    let set = (5..<200).map { pinoLine(time: 1_795_746_600_000 + Int64($0) * 1000, $0) }
    let path = try evidence.write((boot + set).joined(separator: "\n") + "\n", to: "cart.log")

    let extraction = evidence.extract()

    let outcome = try #require(extraction.sources.first { $0.path == path })
    // The five boot lines, and the set lines that came before they were outnumbered.
    #expect(outcome.strayRecords >= 5 && outcome.strayRecords < 10, "\(outcome.strayRecords)")
    #expect(extraction.windowEnd - extraction.windowStart < 3_600_000, "\(extraction.windowStart)")
  }

  @Test("the same faulty directory gives the same extraction twice")
  func deterministic() throws {
    let evidence = try Evidence()
    let gzip = try compressed((0..<4000).map(envoyLine), .gzip, in: evidence)
    try evidence.write(Array(gzip.prefix(gzip.count / 2)), to: "cut.log.gz")
    try evidence.write([0xFF, 0x00, 0xFE, 0x0A, 0x1F, 0x8B], to: "garbage.bin")
    try evidence.write([], to: "empty.log")
    let long = [springBootLine(0), String(repeating: "y", count: 9 << 20), springBootLine(1)]
    try evidence.write(long.joined(separator: "\n"), to: "long.log")
    let paths = [evidence.directory.path, evidence.directory.appendingPathComponent("gone").path]

    let first = SignalExtractor.extract(paths: paths, options: ExtractionOptions())
    let second = SignalExtractor.extract(paths: paths, options: ExtractionOptions())

    #expect(first.sources.count == 5)
    #expect(first.sources.filter { $0.error != nil }.count == 2)
    #expect(first.sources == second.sources)
    #expect(first.discoveryErrors == second.discoveryErrors)
    // Compared by bits: a bucket without data is NaN, which is never equal to itself.
    #expect(first.signals.map(\.key) == second.signals.map(\.key))
    #expect(
      first.signals.map { $0.values.map(\.bitPattern) } == second.signals.map { $0.values.map(\.bitPattern) })
    #expect(first.signals.map(\.examples) == second.signals.map(\.examples))
    #expect(first.services == second.services)
    #expect((first.windowStart, first.windowEnd) == (second.windowStart, second.windowEnd))
  }
}

/// A temporary directory holding one valid Spring Boot log, beside which each test puts its faulty input.
private final class Evidence {
  static let goodLineCount = 120

  let directory: URL
  let goodPath: String

  init() throws {
    directory = try Bundles.temporaryDirectory()
    goodPath = directory.appendingPathComponent("shipping.log").path
    let lines = (0..<Self.goodLineCount).map(springBootLine)
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: goodPath))
  }

  deinit {
    try? FileManager.default.removeItem(at: directory)
  }

  @discardableResult
  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    try write(Array(text.utf8), to: name)
  }

  func extract() -> Extraction {
    SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
  }

  /// The valid log is read whole whatever lies beside it.
  func expectGoodLogWhole(_ extraction: Extraction, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let good = extraction.sources.first(where: { $0.path == goodPath }) else {
      Issue.record("\(goodPath) was not read", sourceLocation: sourceLocation)
      return
    }
    #expect(good.error == nil, sourceLocation: sourceLocation)
    #expect(good.stats.format == .springBoot, sourceLocation: sourceLocation)
    #expect(good.stats.lines == Self.goodLineCount, sourceLocation: sourceLocation)
    #expect(good.stats.records == Self.goodLineCount, sourceLocation: sourceLocation)
    #expect(good.stats.skipped == 0, sourceLocation: sourceLocation)
  }
}

/// `lines` compressed as the writer writes them; lz4 as two frames, as `cat` of two rotated files gives, since
/// the writer puts up to 4 MiB in one block and a block cut short yields nothing.
private func compressed(_ lines: [String], _ compression: Compression, in evidence: Evidence) throws
  -> [UInt8]
{
  let halves =
    compression == .lz4 ? [lines.prefix(lines.count / 2), lines.dropFirst(lines.count / 2)] : [lines[...]]
  var bytes: [UInt8] = []
  for half in halves {
    let path = evidence.directory.appendingPathComponent(".scratch").path
    let writer = try CompressedFileWriter(path: path, compression: compression)
    for line in half { try writer.write(line + "\n") }
    try writer.close()
    bytes += try Data(contentsOf: URL(fileURLWithPath: path))
    try FileManager.default.removeItem(atPath: path)
  }
  return bytes
}

/// A pino line as robot-shop's Node services write it, `time` in epoch milliseconds.
private func pinoLine(time: Int64, _ index: Int) -> String {
  #"{"level":"info","time":\#(time),"pid":1,"hostname":"cart-6b8d7c5f4-q2w7e","msg":"add item \#(index)","v":1}"#
}

/// Spring Boot 2.x's default console line, a quarter second apart from the one before.
private func springBootLine(_ index: Int) -> String {
  let (second, millisecond) = (index / 4, index % 4 * 250)
  return
    "2026-11-27 02:\(padded(30 + second / 60, 2)):\(padded(second % 60, 2)).\(padded(millisecond, 3))  INFO 1 "
    + "--- [nio-8080-exec-\(index % 10)] c.i.r.shipping.Controller                : shipping \(index * 37 % 10000)"
}

/// An Istio sidecar's access line in its default text format, a tenth of a second apart from the one before.
private func envoyLine(_ index: Int) -> String {
  let (second, millisecond) = (index / 10, index % 10 * 100)
  let time =
    "2026-11-27T02:\(padded(30 + second / 60, 2)):\(padded(second % 60, 2)).\(padded(millisecond, 3))Z"
  let duration = 100 + index * 7919 % 900
  return
    "[\(time)] \"GET /calc/\(index * 131 % 9000) HTTP/1.1\" 200 - via_upstream - \"-\" 0 \(400 + index % 97) "
    + "\(duration) \(duration - 1) \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\" \"-\" \"shipping:8080\" "
    + "\"127.0.0.6:8080\" inbound|8080|| 127.0.0.6:\(33000 + index % 500) 10.44.5.25:8080 "
    + "10.44.0.\(index % 9 + 2):\(33000 + index % 500) outbound_.8080_._.shipping.robot-shop.svc.cluster.local default"
}

private func padded(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
