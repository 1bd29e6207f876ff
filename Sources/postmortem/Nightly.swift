import ArgumentParser
import Foundation
import Ingest
import Nightly

struct NightlyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nightly",
    abstract: "Analyse a night's archives against the history store; report what is new, off or quiet.",
    discussion: """
      The configuration (YAML) names the inputs (`paths`: files, directories, globs), the store's directory \
      (`store`), and optionally `out`, `tz`, `services`, `resolution`, `since` (e.g. 24h) or `day` \
      (YYYY-MM-DD in `tz`), `keep` (e.g. 90d), `redact` ([ips] or [off]) and `wait` (e.g. 10m). Without \
      `since` or `day` the night is the span of its inputs, so an old night re-runs from its archives; \
      re-running a night replaces it in the store. Reports go to <out>/<night>/ (nightly.md, nightly.json, \
      incident/RCA.md, RCA.html, rca.json).
      Exit status: 0 quiet night; 3 attention needed (an incident, a new error template, a signal out of its \
      baseline band, something that went quiet); 1 quiet but some input skipped; 2 usage error or no usable \
      input; 4 the store is locked by another run (after --wait).
      """)

  @Option(help: "The run's YAML configuration.")
  var config: String

  @Option(
    help: "Directory for the night's reports (default: the configuration's `out`, else <store>/reports).")
  var out: String?

  @Option(help: "Only the last span, e.g. 24h (overrides the configuration).")
  var since: String?

  @Option(
    help: "One calendar day in the configuration's zone, e.g. 2026-11-27 (overrides the configuration).")
  var day: String?

  @Option(help: "Keep this much history, e.g. 90d; older nights are dropped from the store.")
  var keep: String?

  @Option(help: "Wait this long for another run's lock, e.g. 10m (default: fail at once).")
  var wait: String?

  @Flag(help: "Read, analyse and compare, print the report; write neither the store nor the report files.")
  var dryRun = false

  @Flag(help: "Quote input as read: turn off the masking of secrets and e-mail addresses.")
  var noRedact = false

  @Option(help: "Also mask these: ips (IP addresses).")
  var redact: [String] = []

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    var settings: NightlyConfig
    do {
      settings = try NightlyConfig.load(config)
    } catch {
      Terminal.error(error.description)
      throw ExitCode(2)
    }
    if let out { settings.out = out }
    if let since { (settings.since, settings.day) = (since, nil) }
    if let day { (settings.day, settings.since) = (day, nil) }
    if let keep { settings.keep = keep }
    if let wait { settings.wait = wait }
    if noRedact { settings.redact = ["off"] }
    if !redact.isEmpty { settings.redact = (settings.redact ?? []) + redact }
    if let problem = settings.problem {
      Terminal.error("\(config): \(problem)")
      throw ExitCode(2)
    }
    let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    let line = quiet ? nil : ProgressLine()
    var progress: (@Sendable (IngestProgress) -> Void)?
    if let line { progress = { line.show($0) } }
    let outcome: NightlyOutcome
    do throws(NightlyError) {
      outcome = try NightlyRun.run(
        NightlyOptions(config: settings, dryRun: dryRun, nowMilliseconds: now), progress: progress)
    } catch {
      line?.clear()
      Terminal.error(error.description)
      if case .storeBusy = error { throw ExitCode(4) }
      throw ExitCode(2)
    }
    line?.clear()
    let report = outcome.report
    for error in report.input.errors { Terminal.error(error) }
    if dryRun {
      print(report.markdown(), terminator: "")
    } else if !quiet {
      Terminal.info(
        "night \(report.night): "
          + (report.attention
            ? "attention needed: " + report.reasons.joined(separator: "; ")
            : "quiet") + (outcome.directory.map { "; report in \($0)/nightly.md" } ?? ""))
    }
    if report.exitCode == 2 { Terminal.error(report.reasons.joined(separator: "; ")) }
    if report.exitCode != 0 { throw ExitCode(Int32(report.exitCode)) }
  }
}
