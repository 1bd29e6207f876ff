import Ingest

/// Per-line context handed along with each record: the line's bytes (for `Range<Int>` fields) and its number.
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
/// PLACEHOLDER: to be implemented with the parsers.
public struct SourceReader {
  public let source: Source
  public let options: ReadOptions
  public private(set) var stats = SourceStats()
  /// The series table that `MetricSample.series` indexes.
  public private(set) var series: [MetricSeries] = []

  public init(source: Source, format: Format? = nil, options: ReadOptions = ReadOptions()) {
    self.source = source
    self.options = options
    self.stats.format = format
  }

  /// Hands every data record (log, request, sample, snapshot) to `body`; structure and malformed lines are
  /// only counted. Throws `FormatError` or `IngestError`; records delivered before a fault stay delivered.
  public mutating func read(_ body: (Record, RecordContext) -> Void) throws {
    throw FormatError.unrecognized(path: source.path)
  }
}
