import Analysis

/// Writes an analysis as `RCA.md`, `rca.json` and `charts/*.svg` into a directory.
///
/// PLACEHOLDER: to be implemented.
public enum ReportWriter {
  public static func write(_ result: AnalysisResult, to directory: String) throws {
  }
}
