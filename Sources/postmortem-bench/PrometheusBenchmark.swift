import ArgumentParser
import Foundation
import SampleGenerator

#if canImport(Glibc)
  import Glibc
#endif

/// A whole Prometheus: generated dumps of `--series` series × `--samples` samples, as `promtool tsdb dump`
/// prints them and as concatenated text exposition scrapes, each analysed end to end by `postmortem analyze`
/// in a process of its own, so its peak resident memory is its own.
struct PrometheusBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prometheus",
    abstract: "Generate a whole Prometheus's dump; time `postmortem analyze` on it and measure its peak RSS.",
    discussion: """
      Last line: prometheus series <n> samples <k> <form> mb <size> seconds <t> mb-per-second <x> \
      cpu-seconds <c> peak-rss-mb <m> (one such line per form; the last one is the summary).
      """)

  @Option(help: "Series in the dump, e.g. 100k, 1M, 10M.")
  var series = "1M"

  @Option(help: "Samples per series (15 s apart).")
  var samples = 10

  @Option(help: "Which forms to generate and analyse: dump, exposition or both.")
  var form = "both"

  @Option(help: "Where to write the dumps (default: a temporary directory, removed afterwards).")
  var work: String?

  @Option(help: "Runs of each analysis; the median time and the largest peak RSS are reported.")
  var runs = 1

  func run() throws {
    guard let count = Self.count(series) else {
      throw ValidationError("--series \(series): expected e.g. 1M")
    }
    let forms: [WholePrometheus.Form] =
      form == "both"
      ? WholePrometheus.Form.allCases
      : try [WholePrometheus.Form(rawValue: form)].map {
        guard let chosen = $0 else { throw ValidationError("--form \(form): dump, exposition or both") }
        return chosen
      }
    let analyzer = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("postmortem").path
    guard FileManager.default.isExecutableFile(atPath: analyzer) else {
      throw ValidationError(
        "\(analyzer) not found: build it first (swift build -c release --product postmortem)")
    }
    let root = work ?? NSTemporaryDirectory() + "postmortem-prometheus-\(getpid())"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { if work == nil { try? FileManager.default.removeItem(atPath: root) } }
    let generator = WholePrometheus(seriesCount: count, samplesPerSeries: samples)
    var summaries: [String] = []
    for form in forms {
      let path = "\(root)/prometheus-\(form.rawValue).txt"
      let started = Date()
      let bytes = try generator.write(form, to: path)
      let megabytes = Double(bytes) / 1e6
      print(
        "generated \(generator.writtenSeries) series × \(generator.samplesPerSeries) samples as \(form.rawValue): "
          + "\(Int(megabytes)) MB in \(IngestBenchmark.seconds(Date().timeIntervalSince(started))) s")
      var times: [Double] = []
      var cpu: [Double] = []
      var peak = 0
      for _ in 0..<max(1, runs) {
        let run = try Self.measure(
          analyzer, ["analyze", "--quiet", "--out", "\(root)/report-\(form.rawValue)", path])
        times.append(run.seconds)
        cpu.append(run.cpuSeconds)
        peak = max(peak, run.peakMegabytes)
        print(
          "analyze \(form.rawValue): \(IngestBenchmark.seconds(run.seconds)) s wall, "
            + "\(IngestBenchmark.seconds(run.cpuSeconds)) s CPU, peak RSS \(run.peakMegabytes) MB, exit \(run.status)"
        )
      }
      let median = times.sorted()[times.count / 2]
      summaries.append(
        "prometheus series \(generator.writtenSeries) samples \(generator.samplesPerSeries) \(form.rawValue) "
          + "mb \(Int(megabytes)) seconds \(IngestBenchmark.seconds(median)) "
          + "mb-per-second \(Int(megabytes / median)) cpu-seconds \(IngestBenchmark.seconds(cpu.sorted()[cpu.count / 2])) "
          + "peak-rss-mb \(peak)")
      if work == nil { try? FileManager.default.removeItem(atPath: path) }
    }
    for summary in summaries { print(summary) }
  }

  /// `100k`, `1M`, `10M`, `250000`.
  static func count(_ text: String) -> Int? {
    let upper = text.uppercased()
    for (suffix, factor) in [("K", 1e3), ("M", 1e6)] where upper.hasSuffix(suffix) {
      return Double(upper.dropLast()).map { Int($0 * factor) }
    }
    return Int(upper)
  }

  /// Wall seconds, peak resident set and exit status of one child, from its own `wait4` usage.
  static func measure(_ executable: String, _ arguments: [String]) throws -> (
    seconds: Double, cpuSeconds: Double, peakMegabytes: Int, status: Int32
  ) {
    var pid: pid_t = 0
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let start = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw ValidationError("\(executable): cannot start (errno \(spawned))") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (seconds, cpu, usage.ru_maxrss / 1024, (status >> 8) & 0xFF)
  }
}
