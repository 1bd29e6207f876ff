import Ingest

/// Per-line context handed along with each record: the line's bytes (for `Range<Int>` fields) and its number.
/// Samples of a whole-document source have no line: empty bytes and number 0.
public struct RecordContext {
  public let line: UnsafeRawBufferPointer
  public let lineNumber: Int
}

/// A line a parser could not read, kept as an example for the data-quality section.
public struct SkippedLine: Sendable, Equatable, Codable {
  public var path: String
  public var line: Int
  public var reason: String
}

/// What reading one source produced, for the data-quality section.
public struct SourceStats: Sendable, Equatable {
  public var compression: Compression = .plain
  public var format: Format?
  public var bytesRead = 0
  public var bytesDecoded = 0
  public var lines = 0
  public var records = 0
  public var skipped = 0
  /// The first few skipped lines, with reasons; `skipped` has the full count.
  public var skippedExamples: [SkippedLine] = []
  /// True when the source's times carry no zone and `ReadOptions.utcOffsetSeconds` was assumed.
  public var assumedZone = false
}

/// Options that change how sources are interpreted.
public struct ReadOptions: Sendable {
  /// Offset applied to times written without a zone (`--tz`); UTC by default.
  public var utcOffsetSeconds: Int
  public init(utcOffsetSeconds: Int = 0) {
    self.utcOffsetSeconds = utcOffsetSeconds
  }
}

/// Reads one source end to end: decode, detect the format from its content, parse each line.
///
/// Detection reads the first lines (up to 64, or 64 KiB) once: the line format that recognises most of them
/// wins, since a file may start with a stack trace or a `mysql>` prompt; a source that opens a JSON value and
/// that a document parser accepts is read whole. Memory stays bounded for line formats whatever the size.
public struct SourceReader {
  public let source: Source
  public let options: ReadOptions
  public private(set) var stats = SourceStats()
  /// The series table that `MetricSample.series` indexes.
  public private(set) var series: [MetricSeries] = []

  /// A known `format` skips detection.
  public init(source: Source, format: Format? = nil, options: ReadOptions = ReadOptions()) {
    self.source = source
    self.options = options
    self.stats.format = format
  }

  /// Hands every data record (log, request, sample, snapshot) to `body`; structure and malformed lines are
  /// only counted. Throws `FormatError` or `IngestError`; records delivered before a fault stay delivered, and
  /// `stats` describes what was read either way.
  public mutating func read(_ body: (Record, RecordContext) -> Void) throws {
    var reader = LineReader(source: source)
    var session = ReadSession(path: source.path, options: options, format: stats.format)
    defer {
      // Lines too long to frame never reached a parser; they are skipped all the same.
      let unframed = reader.warnings.compactMap { warning -> SkippedLine? in
        guard case .lineTooLong(let path, let line, let length) = warning else { return nil }
        return SkippedLine(
          path: path, line: line, reason: "line of \(length) bytes exceeds the framing limit")
      }
      stats = SourceStats(
        compression: reader.compression, format: session.format, bytesRead: reader.bytesRead,
        bytesDecoded: reader.bytesDecoded, lines: session.lines + unframed.count,
        records: session.tally.records,
        skipped: session.tally.skipped + unframed.count,
        skippedExamples: Array((session.tally.skippedExamples + unframed).prefix(RecordTally.exampleLimit)),
        assumedZone: session.assumedZone)
      series = session.series
    }
    do {
      try reader.forEachLine { line, number in try session.accept(line, number: number, body) }
    } catch let fault as IngestError {
      // The lines read before the fault still count: a source shorter than the prefix is sniffed and parsed.
      try? session.end(body)
      throw fault
    }
    try session.end(body)
  }
}
