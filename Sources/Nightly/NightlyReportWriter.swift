import Analysis
import Foundation
import Report

/// Writes a night's `nightly.md` and `nightly.json`, and the incident's RCA draft (`incident/`) when there is
/// one; a re-run that finds no incident removes the folder an earlier run of the night left.
enum NightlyReportWriter {
  static func write(
    _ report: NightlyReport, analysis: AnalysisResult, options: ReportOptions, to directory: String
  ) throws(NightlyError) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var json = try encoder.encode(report)
      json.append(0x0A)
      try json.write(to: URL(fileURLWithPath: directory + "/nightly.json"), options: .atomic)
      try Data(report.markdown().utf8).write(
        to: URL(fileURLWithPath: directory + "/nightly.md"), options: .atomic)
      let incident = directory + "/incident"
      if report.incidents.isEmpty {
        if FileManager.default.fileExists(atPath: incident) {
          try FileManager.default.removeItem(atPath: incident)
        }
      } else {
        try ReportWriter.write(analysis, to: incident, options: options)
      }
    } catch {
      throw .report(path: directory, reason: String(describing: error))
    }
  }
}
