import Analysis
import ArgumentParser
import Formats
import Foundation
import SampleGenerator
import Signals

/// The root-cause engine against incidents whose truth is known: the samples, the lab's recordings,
/// generated variants with other names and timings, and any folders given.
struct RCABenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rca",
    abstract: "Score the root-cause analysis on cases with a truth file (component, kind, client, onset).",
    discussion: """
      A case is a folder with its truth beside it (<folder>.truth.json) or inside it (truth.json, never read as
      evidence); a folder without one is searched one level down for cases. Without folders: every case under
      Samples/, plus generated variants of the sample scenarios (renamed services, moved faults) in a
      temporary folder (`--variants N` adds them to given folders too). top1: the root cause's component and kind are the truth's; top3: the truth's component
      is the root cause or one of the first two alternatives; onset-ok: the root cause's onset is within one
      bucket of the truth's (the report's bucket, or the coarser one of the evidence that dates it; over the cases
      whose truth has an onset).
      Last line: rca top1 <x> top3 <y> onset-ok <z> cases <n>
      """)

  @Argument(help: "Case folders, or folders of cases.")
  var directories: [String] = []

  @Option(help: "Generated variants per sample scenario (default: 4 without folders, none with them).")
  var variants: Int?

  struct Outcome {
    var top1: Bool
    var top3: Bool
    var onsetOK: Bool?
  }

  func run() throws {
    var cases: [URL] = []
    var scratch: URL?
    if directories.isEmpty { cases += Self.cases(in: URL(fileURLWithPath: "Samples", isDirectory: true)) }
    for directory in directories {
      cases += Self.cases(in: URL(fileURLWithPath: directory, isDirectory: true))
    }
    let generated = variants ?? (directories.isEmpty ? 4 : 0)
    if generated > 0 {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-rca-\(getpid())")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      scratch = folder
      for scenario in Scenario.all {
        for seed in 1...generated {
          let variant = scenario.variant(seed: UInt64(seed))
          try BundleWriter(scenario: variant, seed: UInt64(seed)).write(to: folder.path)
          cases.append(folder.appendingPathComponent(variant.name))
        }
      }
    }
    defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
    guard !cases.isEmpty else { throw ValidationError("no case folder with a truth file found") }

    var outcomes: [Outcome] = []
    print("case                                        truth                                   found")
    for directory in cases {
      guard let truthFile = CaseTruth.file(for: directory) else { continue }
      let truth = try JSONDecoder().decode(CaseTruth.self, from: Data(contentsOf: truthFile))
      let evidence = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        .filter { $0 != "truth.json" && !$0.hasPrefix(".") }.map { directory.appendingPathComponent($0).path }
      let extraction = SignalExtractor.extract(paths: evidence, options: ExtractionOptions())
      let document = IncidentAnalyzer.analyze(extraction, title: directory.lastPathComponent).document
      let outcome = Self.score(document, against: truth)
      outcomes.append(outcome)
      let found =
        "\(document.rootCause.kind.rawValue) in \(document.rootCause.component)"
        + (document.rootCause.client.map { " (client \($0))" } ?? "")
      let expected =
        "\(truth.kind ?? "?") in \(truth.component)" + (truth.client.map { " (client \($0))" } ?? "")
      let marks =
        (outcome.top1 ? "top1" : outcome.top3 ? "top3" : "miss")
        + (outcome.onsetOK.map { $0 ? " onset-ok" : " onset-off" } ?? "")
      print(Self.pad(directory.lastPathComponent, 44) + Self.pad(expected, 40) + found + "  [" + marks + "]")
    }
    let count = Double(outcomes.count)
    let timed = outcomes.compactMap(\.onsetOK)
    func ratio(_ value: Int, _ total: Double) -> String {
      String(format: "%.3f", total > 0 ? Double(value) / total : 0)
    }
    print(
      "rca top1 \(ratio(outcomes.count { $0.top1 }, count)) top3 \(ratio(outcomes.count { $0.top3 }, count)) "
        + "onset-ok \(ratio(timed.count { $0 }, Double(timed.count))) cases \(outcomes.count)")
  }

  static func score(_ document: RCADocument, against truth: CaseTruth) -> Outcome {
    let cause = document.rootCause
    let kindMatches = truth.kind.map { IncidentKind.named($0) == cause.kind } ?? true
    let top1 = cause.component == truth.component && kindMatches
    let top3 = ([cause.component] + document.alternatives.prefix(2).map(\.component)).contains(
      truth.component)
    var onsetOK: Bool?
    if let expected = truth.onset.flatMap(Timestamp.init(rfc3339:)),
      let found = Timestamp(rfc3339: cause.onset)
    {
      // One bucket: the report's, or the coarser one of the evidence that dates the onset.
      let bucket = max(document.resolutionSeconds, cause.uncertaintySeconds ?? 0)
      onsetOK = abs(found.milliseconds - expected.milliseconds) <= Int64(bucket) * 1000
    }
    return Outcome(top1: top1, top3: top3, onsetOK: onsetOK)
  }

  /// `directory` when it has a truth file, else its sub-folders that have one, in name order.
  static func cases(in directory: URL) -> [URL] {
    if CaseTruth.file(for: directory) != nil { return [directory] }
    let children = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return children.sorted().map { directory.appendingPathComponent($0, isDirectory: true) }.filter { child in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory)
        && isDirectory.boolValue
        && CaseTruth.file(for: child) != nil
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
