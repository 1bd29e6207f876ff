import ArgumentParser
import Foundation
import SampleGenerator

#if canImport(Glibc)
  import Glibc
#endif

/// End-to-end `postmortem analyze` against the system decompressors on the same files, in the same run: the
/// machine is shared and absolute times drift, ratios much less.
struct IngestBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract:
      "Generate a large bundle; time `postmortem analyze` on its .gz and .lz4 files against gzip -dc / lz4 -dc.",
    discussion: """
      Also prints the analyzer's own split of one run on the .gz files: extraction, then analysis and report.
      Last line: ingest gz-ratio <x> lz4-ratio <y> peak-rss-mb <z>
      """)

  @Option(help: "Uncompressed size of the bundle to generate, e.g. 500MB or 2GB.")
  var size = "2GB"

  @Option(help: "Where to write the bundle (default: a temporary directory, removed afterwards).")
  var work: String?

  @Option(help: "Runs of each command; the median is reported.")
  var runs = 3

  /// Decoded bytes of the DB-exhaustion scenario's .gz and .lz4 files per unit of `--scale` (measured:
  /// 609 MB at scale 11, 1965 MB at scale 49: a little less per unit as the scale grows), so that `--size`
  /// is a floor.
  static let bytesPerScale = 38_000_000.0

  func run() throws {
    guard let bytes = Self.parse(size) else {
      throw ValidationError("--size \(size): expected e.g. 500MB or 2GB")
    }
    let analyzer = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("postmortem").path
    guard FileManager.default.isExecutableFile(atPath: analyzer) else {
      throw ValidationError(
        "\(analyzer) not found: build it first (swift build -c release --product postmortem)")
    }
    let root = work ?? NSTemporaryDirectory() + "postmortem-bench-\(getpid())"
    defer { if work == nil { try? FileManager.default.removeItem(atPath: root) } }
    let scale = max(1, (Double(bytes) / Self.bytesPerScale).rounded(.up))
    print("generating \(Scenario.dbExhaustion.name) at scale \(Int(scale)) into \(root)…")
    try BundleWriter(scenario: .dbExhaustion, scale: scale).write(to: root)
    let bundle = root + "/" + Scenario.dbExhaustion.name
    let files = (FileManager.default.subpaths(atPath: bundle) ?? []).sorted().map { bundle + "/" + $0 }
    let gz = files.filter { $0.hasSuffix(".gz") }
    let lz4 = files.filter { $0.hasSuffix(".lz4") }

    let report = root + "/report"
    let analyzeGz = try median { try Self.time(analyzer, ["analyze", "--quiet", "--out", report] + gz) }
    let decodedGz = Self.decodedMegabytes(report: report)
    let analyzeLz4 = try median { try Self.time(analyzer, ["analyze", "--quiet", "--out", report] + lz4) }
    let decodedLz4 = Self.decodedMegabytes(report: report)
    let peak = Self.peakChildMegabytes()
    let share = try Self.analysisShare(analyzer, ["analyze", "--quiet", "--timings", "--out", report] + gz)
    let loop = "for f in \"$@\"; do TOOL -dc \"$f\"; done"
    let gzip = try median {
      try Self.time("/bin/sh", ["-c", loop.replacingOccurrences(of: "TOOL", with: "gzip"), "sh"] + gz)
    }
    let lz4dc = try median {
      try Self.time("/bin/sh", ["-c", loop.replacingOccurrences(of: "TOOL", with: "lz4"), "sh"] + lz4)
    }
    let onDisk = Self.megabytes(of: gz) + Self.megabytes(of: lz4)
    print(
      "input: \(gz.count) .gz files (\(decodedGz) MB decoded), \(lz4.count) .lz4 files (\(decodedLz4) MB decoded), "
        + "\(Int(onDisk)) MB on disk")
    print("postmortem analyze (.gz): \(Self.seconds(analyzeGz)) s; gzip -dc: \(Self.seconds(gzip)) s")
    print("postmortem analyze (.lz4): \(Self.seconds(analyzeLz4)) s; lz4 -dc: \(Self.seconds(lz4dc)) s")
    print("analysis and report: \(share.analysis) s of \(share.total) s (\(Self.seconds(share.analysis / share.total * 100))%)")
    print(
      "ingest gz-ratio \(Self.seconds(analyzeGz / gzip)) lz4-ratio \(Self.seconds(analyzeLz4 / lz4dc)) peak-rss-mb \(peak)"
    )
  }

  /// The analyzer's own account of one run: extraction, then analysis and report writing.
  static func analysisShare(_ analyzer: String, _ arguments: [String]) throws -> (analysis: Double, total: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: analyzer)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let numbers = output.split(separator: "\n").first { $0.hasPrefix("timings:") }?
      .split(separator: " ").compactMap { Double($0) } ?? []
    guard numbers.count == 2 else { throw ValidationError("the analyzer printed no timings: \(output)") }
    return (numbers[1], numbers[0] + numbers[1])
  }

  private func median(_ body: () throws -> Double) throws -> Double {
    var times: [Double] = []
    for _ in 0..<max(1, runs) { times.append(try body()) }
    return times.sorted()[times.count / 2]
  }

  /// Wall seconds of one run, its output discarded.
  static func time(_ executable: String, _ arguments: [String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// The largest resident set of any child waited for so far: only `postmortem` has run when it is read.
  static func peakChildMegabytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    return usage.ru_maxrss / 1024
  }

  /// What the analyzer says it decoded, from the `rca.json` it just wrote.
  static func decodedMegabytes(report: String) -> Int {
    guard let data = FileManager.default.contents(atPath: report + "/rca.json"),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let quality = json["dataQuality"] as? [String: Any], let bytes = quality["decodedBytes"] as? Int
    else { return 0 }
    return bytes / 1_000_000
  }

  static func megabytes(of paths: [String]) -> Double {
    paths.reduce(0) { total, path in
      total + Double(((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0) / 1e6
    }
  }

  static func seconds(_ value: Double) -> String {
    String((value * 100).rounded() / 100)
  }

  /// `500MB`, `2GB`, `1.5GB` → bytes.
  static func parse(_ text: String) -> Int64? {
    let upper = text.uppercased()
    for (suffix, factor) in [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)] where upper.hasSuffix(suffix) {
      return Double(upper.dropLast(2)).map { Int64($0 * factor) }
    }
    return Double(upper).map { Int64($0) }
  }
}
