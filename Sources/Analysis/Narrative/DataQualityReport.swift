import Signals

/// What was read and what was not, so that nothing is lost silently.
enum DataQualityReport {
  static func make(_ extraction: Extraction) -> DataQuality {
    var errors = extraction.discoveryErrors
    var examples: [String] = []
    for source in extraction.sources {
      if let error = source.error { errors.append(error) }
      if source.strayRecords > 0 {
        errors.append(
          "\(source.path): \(source.strayRecords) records dated too far from the rest of the file to share its "
            + "window were left out (a wrong clock or damaged data)")
      }
      for skipped in source.stats.skippedExamples.prefix(2) {
        examples.append("\(skipped.path):\(skipped.line): skipped: \(skipped.reason)")
      }
    }
    let sources = extraction.sources.map { source in
      SourceQuality(
        path: source.path, compression: source.stats.compression.rawValue,
        format: source.stats.format?.rawValue,
        bytes: source.stats.bytesRead, lines: source.stats.lines, records: source.stats.records,
        continued: source.stats.continued, skipped: source.stats.skipped, error: source.error)
    }
    let outside = extraction.sources.reduce(0) { $0 + $1.recordsOutsideWindow }
    let decoded = extraction.sources.reduce(0) { $0 + $1.stats.bytesDecoded }
    return DataQuality(
      files: extraction.sources.count, bytes: sources.reduce(0) { $0 + $1.bytes }, decodedBytes: decoded,
      lines: sources.reduce(0) { $0 + $1.lines }, records: sources.reduce(0) { $0 + $1.records },
      skipped: sources.reduce(0) { $0 + $1.skipped }, recordsOutsideWindow: outside, sources: sources,
      errors: errors + examples, assumedZones: extraction.sources.filter(\.stats.assumedZone).map(\.path),
      notes: extraction.notes.isEmpty ? nil : extraction.notes)
  }
}
