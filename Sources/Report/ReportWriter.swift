public import Analysis

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How a report is written: what is masked in quoted input.
public struct ReportOptions: Sendable, Equatable {
  /// On by default: secrets and e-mail addresses in quoted lines are masked (`--no-redact` turns it off,
  /// `--redact ips` adds IP addresses).
  public var redactionEnabled: Bool
  public var redactIPAddresses: Bool

  public init(redactionEnabled: Bool = true, redactIPAddresses: Bool = false) {
    self.redactionEnabled = redactionEnabled
    self.redactIPAddresses = redactIPAddresses
  }

  package var redactor: Redactor {
    Redactor(Redactor.Options(enabled: redactionEnabled, ipAddresses: redactIPAddresses))
  }
}

/// Writes an analysis as `RCA.md`, `RCA.html`, `rca.json` and `charts/*.svg` into a directory.
public enum ReportWriter {
  /// Creates `directory` if needed and overwrites the three outputs in it. Chart files (`charts/*.svg`) that
  /// this run did not write are removed, so the folder never shows charts from an earlier analysis; other
  /// files are left alone. Every string that quotes input is redacted first (`options`); the summary of what
  /// was masked is returned and written into the data-quality section and `rca.json`. Throws `ReportError`,
  /// naming the path that failed.
  @discardableResult
  public static func write(
    _ analysis: AnalysisResult, to directory: String, options: ReportOptions = ReportOptions()
  )
    throws -> RedactionSummary
  {
    let (result, redaction) = analysis.redacted(options.redactor)
    try createDirectory(directory)
    let json = joined(directory, "rca.json")
    let data: Data
    do {
      data = try RCAJSON.encode(result.document, redaction: redaction)
    } catch {
      throw ReportError.cannotEncode(path: json, reason: String(describing: error))
    }
    try write(data, to: json)
    try write(Data(RCAMarkdown(result, redaction: redaction).render().utf8), to: joined(directory, "RCA.md"))
    try write(Data(RCAHTML(result, redaction: redaction).render().utf8), to: joined(directory, "RCA.html"))

    let chartDirectory = joined(directory, "charts")
    let names = ChartFileName.names(for: result.charts.map(\.title))
    if !names.isEmpty { try createDirectory(chartDirectory) }
    for (chart, name) in zip(result.charts, names) {
      try write(Data(SVGChart(chart).render().utf8), to: joined(chartDirectory, name))
    }
    try removeStaleCharts(in: chartDirectory, keeping: Set(names))
    return redaction
  }

  private static func removeStaleCharts(in directory: String, keeping names: Set<String>) throws {
    let fileManager = FileManager.default
    guard fileManager.fileExists(atPath: directory) else { return }
    let entries: [String]
    do {
      entries = try fileManager.contentsOfDirectory(atPath: directory)
    } catch {
      throw ReportError.cannotListDirectory(path: directory, reason: String(describing: error))
    }
    for entry in entries.sorted() where entry.hasSuffix(".svg") && !names.contains(entry) {
      let path = joined(directory, entry)
      do {
        try fileManager.removeItem(atPath: path)
      } catch {
        throw ReportError.cannotRemoveStaleChart(path: path, reason: String(describing: error))
      }
    }
  }

  private static func createDirectory(_ path: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw ReportError.cannotCreateDirectory(path: path, reason: String(describing: error))
    }
  }

  /// Atomically, so a reader never sees half a report.
  private static func write(_ data: Data, to path: String) throws {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ReportError.cannotWrite(path: path, reason: String(describing: error))
    }
  }

  private static func joined(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
