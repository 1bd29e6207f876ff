import ArgumentParser
import Foundation
import Signals

/// The template miner on the Loghub-2.0 2k samples: grouping and parsing accuracy per system against the
/// corrected oracle templates, and the miner's throughput on the HDFS sample repeated.
struct LoghubBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "loghub",
    abstract: "Mine templates from the Loghub-2.0 2k samples; print GA and PA per system and lines/s.",
    discussion: """
      Messages are the `Content` column of each `*_structured_corrected.csv`. PA compares templates after \
      the Loghub-2.0 corrections (`correct_single_template`), applied to both sides as its evaluation does.
      Last line: loghub ga <x> pa <y> lines-per-second <z> systems <n>
      """)

  @Argument(
    help: "The loghub-2k folder (default: $POSTMORTEM_FIXTURES/loghub-2k, else ../shared/fixtures/loghub-2k)."
  )
  var fixtures: String?

  @Option(help: "Write <System>.csv (LineId,EventTemplate) per system into this folder.")
  var predictions: String?

  @Option(help: "Lines for the throughput run: the HDFS messages repeated.")
  var throughputLines = 10_000_000

  func run() throws {
    let root = try Self.locate(fixtures)
    let systems = try FileManager.default.contentsOfDirectory(atPath: root).sorted().filter {
      FileManager.default.fileExists(atPath: Self.structuredPath(root, $0))
    }
    guard !systems.isEmpty else {
      throw ValidationError("\(root) holds no <System>/<System>_2k.log_structured_corrected.csv")
    }
    if let predictions {
      try FileManager.default.createDirectory(atPath: predictions, withIntermediateDirectories: true)
    }
    var grouping: [Double] = []
    var parsing: [Double] = []
    var hdfs: [String] = []
    print("system        lines  templates  truth      GA      PA")
    for system in systems {
      let sample = try LoghubSample(
        csv: Array(Data(contentsOf: URL(fileURLWithPath: Self.structuredPath(root, system)))))
      if system == "HDFS" { hdfs = sample.contents }
      var miner = TemplateMiner()
      let ids = sample.contents.map { content in
        var content = content
        return content.withUTF8 { miner.add(UnsafeRawBufferPointer($0))! }
      }
      let predicted = ids.map { miner.text(of: $0) }
      let ga = TemplateAccuracy.grouping(predicted: predicted, truth: sample.templates)
      let pa = TemplateAccuracy.parsing(predicted: predicted, truth: sample.templates)
      grouping.append(ga)
      parsing.append(pa)
      let row = [
        system.padding(toLength: 12, withPad: " ", startingAt: 0), Self.pad(sample.contents.count, 6),
        Self.pad(Set(predicted).count, 10), Self.pad(Set(sample.templates).count, 6),
        Self.pad(Self.fixed(ga), 7),
        Self.pad(Self.fixed(pa), 7),
      ]
      print(row.joined(separator: " "))
      if let predictions {
        var csv = "LineId,EventTemplate\n"
        for (id, template) in zip(sample.lineIDs, predicted) { csv += "\(id),\(Self.quoted(template))\n" }
        try csv.write(toFile: "\(predictions)/\(system).csv", atomically: true, encoding: .utf8)
      }
    }
    let meanGA = grouping.reduce(0, +) / Double(grouping.count)
    let meanPA = parsing.reduce(0, +) / Double(parsing.count)
    print("mean          GA \(Self.fixed(meanGA))  PA \(Self.fixed(meanPA))")
    // The best of three runs: the machine is shared, and other work only ever slows a run down.
    let rate = hdfs.isEmpty ? 0 : (0..<3).map { _ in Self.throughput(hdfs, lines: throughputLines) }.max()!
    print(
      "loghub ga \(Self.fixed(meanGA)) pa \(Self.fixed(meanPA)) lines-per-second \(Int(rate)) systems \(systems.count)"
    )
  }

  /// Lines per second of one miner, single-threaded, over `messages` repeated to `lines` lines; the messages
  /// lie in one buffer, as a chunk of a file would.
  static func throughput(_ messages: [String], lines: Int) -> Double {
    var buffer: [UInt8] = []
    var ranges: [Range<Int>] = []
    for message in messages {
      let start = buffer.count
      buffer.append(contentsOf: message.utf8)
      ranges.append(start..<buffer.count)
    }
    var miner = TemplateMiner()
    var placed = 0
    let start = DispatchTime.now().uptimeNanoseconds
    buffer.withUnsafeBytes { bytes in
      var done = 0
      while done < lines {
        for range in ranges where done < lines {
          placed &+= miner.add(UnsafeRawBufferPointer(rebasing: bytes[range])) ?? 0
          done += 1
        }
      }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("throughput: \(lines) HDFS lines in \(fixed(seconds)) s, \(miner.clusterCount) clusters")
    return Double(lines) / seconds
  }

  static func locate(_ given: String?) throws -> String {
    let candidates =
      given.map { [$0] }
      ?? [
        ProcessInfo.processInfo.environment["POSTMORTEM_FIXTURES"].map { $0 + "/loghub-2k" },
        "../shared/fixtures/loghub-2k",
      ]
      .compactMap { $0 }
    for candidate in candidates where FileManager.default.fileExists(atPath: candidate) { return candidate }
    throw ValidationError(
      "no Loghub-2.0 samples at \(candidates.joined(separator: " or ")): pass the loghub-2k folder "
        + "(one <System>/<System>_2k.log_structured_corrected.csv per system) or set POSTMORTEM_FIXTURES")
  }

  static func structuredPath(_ root: String, _ system: String) -> String {
    "\(root)/\(system)/\(system)_2k.log_structured_corrected.csv"
  }

  static func fixed(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return String(scaled)
  }

  static func pad(_ value: some CustomStringConvertible, _ width: Int) -> String {
    let text = value.description
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }

  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
