import Analysis
import ArgumentParser
import Formats
import Foundation
import Ingest
import Report
import Signals

struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Analyze evidence files and directories; write RCA.md, rca.json and charts.")

  @Argument(
    help: "Files, tar archives and directories to read (directories are walked recursively); - reads stdin.")
  var paths: [String]

  @Option(
    help: ArgumentHelp(
      "Read only the files of walked directories that match this glob (repeatable).",
      discussion: "Without /, the pattern matches file names (*.gz); with /, paths below the directory."))
  var include: [String] = []

  @Option(help: "Skip the files of walked directories that match this glob (repeatable).")
  var exclude: [String] = []

  @Option(
    name: .customLong("service"),
    help: ArgumentHelp(
      "Put the logs of files matching GLOB under service NAME (repeatable; GLOB=NAME).",
      discussion:
        "Without it a record's own service (a Loki label, a syslog app) or else the path names the service."))
  var services: [String] = []

  @Option(name: .shortAndLong, help: "Directory to write the report into.")
  var out: String = "Reports/incident"

  @Option(help: "Report title (default: the first path's name).")
  var title: String?

  @Option(help: "Ignore records before this time (RFC 3339, e.g. 2026-11-27T02:30:00Z).")
  var from: String?

  @Option(help: "Ignore records at or after this time (RFC 3339).")
  var to: String?

  @OptionGroup var time: TimeOptions

  @Option(help: "Finest bucket width in seconds.")
  var resolution: Int = 10

  @Option(
    help: ArgumentHelp(
      "Add the calls in FILE to the topology the evidence shows: one 'caller -> callee' a line.",
      valueName: "file"))
  var topology: String?

  @Flag(help: ArgumentHelp("Print how long extraction, analysis and writing took, on stderr.", visibility: .hidden))
  var timings = false

  @Flag(help: "Print nothing but errors (no progress line, no summary).")
  var quiet = false

  @Flag(help: "Also write the report folder as one <out>.tar.gz, to attach to a ticket.")
  var archive = false

  @Flag(help: "Quote input as read: turn off the masking of secrets and e-mail addresses in the report.")
  var noRedact = false

  @Option(help: "Also mask these in quoted input: ips (IP addresses).")
  var redact: [String] = []

  func validate() throws {
    for rule in services where ServiceNaming.Rule(rule) == nil {
      throw ValidationError("--service \(rule): expected GLOB=NAME, e.g. 'shipping-*.log=shipping'")
    }
    for value in redact where value != "ips" {
      throw ValidationError("--redact \(value): expected ips")
    }
    guard resolution > 0 else { throw ValidationError("--resolution must be a positive number of seconds") }
    for (name, value) in [("--from", from), ("--to", to)] {
      if let value, Timestamp(rfc3339: value) == nil {
        throw ValidationError("\(name) \(value): expected an RFC 3339 time like 2026-11-27T02:30:00Z")
      }
    }
  }

  func run() throws {
    let options = ExtractionOptions(
      resolutionSeconds: resolution, read: time.readOptions,
      from: from.flatMap { Timestamp(rfc3339: $0)?.milliseconds },
      to: to.flatMap { Timestamp(rfc3339: $0)?.milliseconds },
      filter: PathFilter(include: include, exclude: exclude),
      naming: ServiceNaming(rules: services.compactMap(ServiceNaming.Rule.init)))
    let line = quiet ? nil : ProgressLine()
    var report: (@Sendable (IngestProgress) -> Void)?
    if let line { report = { line.show($0) } }
    let clock = ContinuousClock()
    let started = clock.now
    let extraction = SignalExtractor.extract(paths: paths, options: options, progress: report)
    let extracted = clock.now
    line?.clear()
    let name = title ?? URL(fileURLWithPath: paths.first ?? "incident").lastPathComponent
    let result = IncidentAnalyzer.analyze(extraction, title: name, topology: try topologyEdges())
    let quality = result.document.dataQuality
    for error in quality.errors { Terminal.error(error) }
    guard quality.records > 0 else {
      Terminal.error("no usable input: no records could be read from \(paths.joined(separator: " "))")
      throw ExitCode(2)
    }
    let reportOptions = ReportOptions(redactionEnabled: !noRedact, redactIPAddresses: redact.contains("ips"))
    let redaction = try ReportWriter.write(result, to: out, options: reportOptions)
    let archivePath = (out.hasSuffix("/") ? String(out.dropLast()) : out) + ".tar.gz"
    if archive { try ReportArchive.write(directory: out, to: archivePath) }
    if timings {
      let seconds = { (duration: Duration) in Double(duration.components.attoseconds) / 1e18 + Double(duration.components.seconds) }
      Terminal.info(
        "timings: extraction \(seconds(extracted - started)) s, analysis and report \(seconds(clock.now - extracted)) s")
    }
    if !quiet {
      let cause = result.document.rootCause
      Terminal.info(
        "read \(quality.files) files, \(quality.records) records, \(quality.skipped) lines skipped; "
          + "root cause: \(cause.kind.rawValue) in \(cause.component)"
          + (cause.resource.map { " via \($0)" } ?? "") + "; report in \(out)/RCA.md"
          + (archive ? " and \(archivePath)" : "")
          + (redaction.total > 0 ? "; \(redaction.total) secrets masked" : ""))
    }
    if quality.skipped > 0 || !quality.errors.isEmpty { throw ExitCode(1) }
  }

  private func topologyEdges() throws -> [(caller: String, callee: String)] {
    guard let topology else { return [] }
    guard let data = FileManager.default.contents(atPath: topology) else {
      throw ValidationError("--topology \(topology): cannot read the file")
    }
    do {
      return try TopologyFile.edges(String(decoding: data, as: UTF8.self), path: topology)
    } catch {
      throw ValidationError("--topology \(error)")
    }
  }
}
