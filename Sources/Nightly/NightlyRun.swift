import Analysis
import Formats
import Foundation
import Ingest
import Report
import Signals

/// A nightly run's settings: the configuration file's, with the command line's overrides applied.
public struct NightlyOptions: Sendable {
  public var config: NightlyConfig
  public var dryRun: Bool
  /// The run's clock, epoch milliseconds: the end of a `since` window.
  public var nowMilliseconds: Int64
  /// Earlier nights a baseline looks back on: five weeks, so a weekday's hour has up to five samples.
  public var lookbackNights: Int

  public init(config: NightlyConfig, dryRun: Bool = false, nowMilliseconds: Int64, lookbackNights: Int = 35) {
    self.config = config
    self.dryRun = dryRun
    self.nowMilliseconds = nowMilliseconds
    self.lookbackNights = lookbackNights
  }

  var offsetSeconds: Int { config.tz.flatMap(UTCOffset.seconds) ?? 0 }

  var reportOptions: ReportOptions {
    let redact = config.redact ?? []
    return ReportOptions(redactionEnabled: !redact.contains("off"), redactIPAddresses: redact.contains("ips"))
  }

  /// `[from, to)` in epoch milliseconds, or nil to take the span of the inputs.
  var window: (from: Int64, to: Int64)? {
    if let since = config.since.flatMap(SpanText.seconds) {
      return (nowMilliseconds - Int64(since) * 1000, nowMilliseconds)
    }
    if let day = config.day.flatMap(CivilDay.days) {
      let from = day * 86_400_000 - Int64(offsetSeconds) * 1000
      return (from, from + 86_400_000)
    }
    return nil
  }
}

/// What a run produced: the report, where it was written, and the exit status for the scheduler.
public struct NightlyOutcome: Sendable {
  public var report: NightlyReport
  /// `<out>/<night>`, or nil for a dry run.
  public var directory: String?
}

/// One night: read the inputs, analyse them, compare with the store's memory, record the night, report.
public enum NightlyRun {
  public static func run(
    _ options: NightlyOptions, progress: (@Sendable (IngestProgress) -> Void)? = nil
  ) throws(NightlyError) -> NightlyOutcome {
    let config = options.config
    if let problem = config.problem { throw .invalidOption(problem) }
    let lock: StoreLock?
    if options.dryRun {
      lock = nil
    } else {
      do {
        try FileManager.default.createDirectory(atPath: config.store, withIntermediateDirectories: true)
      } catch {
        throw .store(path: config.store, reason: String(describing: error))
      }
      lock = try StoreLock(directory: config.store, waitSeconds: config.wait.flatMap(SpanText.seconds) ?? 0)
    }
    defer { withExtendedLifetime(lock) {} }

    let (paths, unmatched) = PathPatterns.expand(config.paths)
    let window = options.window
    let extraction = SignalExtractor.extract(
      paths: paths,
      options: ExtractionOptions(
        resolutionSeconds: config.resolution ?? 60,
        read: ReadOptions(utcOffsetSeconds: options.offsetSeconds),
        from: window?.from, to: window?.to,
        filter: PathFilter(include: config.include ?? [], exclude: config.exclude ?? []),
        naming: ServiceNaming(rules: (config.services ?? []).compactMap(ServiceNaming.Rule.init))),
      progress: progress)
    let night = CivilDay.format(
      CivilDay.day(ofMilliseconds: extraction.windowStart, offsetSeconds: options.offsetSeconds))
    let analysis = IncidentAnalyzer.analyze(extraction, title: "Nightly \(night)")
    let redactor = options.reportOptions.redactor
    let (redacted, incidentRedaction) = analysis.redacted(redactor)
    let document = redacted.document
    let quality = document.dataQuality

    let incidentJSON =
      document.rootCause.kind == .unknown
      ? nil
      : (try? RCAJSON.encode(document, redaction: incidentRedaction)).map {
        String(decoding: $0, as: UTF8.self)
      }
    let digest = NightDigest(
      night: night, extraction: extraction, document: document, rcaJSON: incidentJSON,
      utcOffsetSeconds: options.offsetSeconds, inputs: InputFile.hashing(quality.sources.map(\.path)))

    let store: HistoryStore? =
      options.dryRun && !FileManager.default.fileExists(atPath: config.store + "/history.sqlite")
      ? nil : try HistoryStore(directory: config.store)
    let history =
      try store?.history(
        before: night, lookback: options.lookbackNights, keys: Set(digest.signals.map(\.key)))
      ?? History(nights: [], everSeenTemplates: [], templates: [:], signals: [:], hours: [:])
    let comparison = NightComparison(digest: digest, history: history)
    let (breaches, baselines) = comparison.bands()

    var report = NightlyReport(
      digest: digest, extraction: extraction, history: history, comparison: comparison, breaches: breaches,
      errors: unmatched.map { "\($0): matches no file" } + quality.errors, redactor: redactor,
      incidentRedaction: incidentRedaction)
    guard quality.records > 0 else {
      report.exitCode = 2
      report.reasons = [
        "no usable input: no records could be read from \(config.paths.joined(separator: " "))"
      ]
      return NightlyOutcome(report: report, directory: nil)
    }
    guard let store, !options.dryRun else { return NightlyOutcome(report: report, directory: nil) }
    report.expired = try store.replace(
      digest.masked(redactor), baselines: baselines, attention: report.attention, exitCode: report.exitCode,
      keepDays: config.keep.flatMap(SpanText.seconds).map { $0 / 86400 })
    let directory = (config.out ?? config.store + "/reports") + "/" + night
    try NightlyReportWriter.write(report, analysis: analysis, options: options.reportOptions, to: directory)
    return NightlyOutcome(report: report, directory: directory)
  }
}
