/// What a parser knows about the source it reads.
public struct ParserContext: Sendable {
  /// The source's path: some formats take a time from the file name (pt-stalk's `2026_11_27_03_00_00-…`).
  public var path: String
  public var options: ReadOptions

  public init(path: String, options: ReadOptions) {
    self.path = path
    self.options = options
  }
}

/// A format read line by line, with state carried across lines (stack traces, processlist tables, TYPE lines).
public protocol LineParser {
  static var format: Format { get }
  /// Whether `line` looks like this format; the sniffer tries each parser on a source's first lines.
  static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool
  init(context: ParserContext)
  /// Parses one line (without its newline); `number` is 1-based.
  mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record
  /// The records still pending at the end of the source (the last processlist table), one per call, until nil.
  mutating func finish() -> Record?
  /// The records the last `parse` or `finish` completed beyond the one it returned, one per call until nil: a
  /// status table's samples, held back until its last row tells when it was taken.
  mutating func nextCompleted() -> Record?
  /// The series `MetricSample.series` indexes; empty for formats without metrics.
  var series: [MetricSeries] { get }
  /// Whether each line is read without what came before it, so a source's chunks can be parsed apart.
  static var linesAreIndependent: Bool { get }
  /// True once the parser had to assume `options.zone` for a time without a zone.
  var assumedZone: Bool { get }
  /// A fault of the source as a whole, found while parsing it and reported once it ends (a processlist
  /// snapshot or status table that nothing dates; each such one is also a malformed record); the records
  /// delivered still count.
  var fault: FormatError? { get }
}

extension LineParser {
  /// Log and access-log formats carry no metric series.
  public var series: [MetricSeries] { [] }

  /// Formats carry state across lines unless they say otherwise.
  public static var linesAreIndependent: Bool { false }

  /// Most formats hold nothing back between lines.
  public mutating func finish() -> Record? { nil }

  /// Most formats find every problem on one line.
  public var fault: FormatError? { nil }
  /// Most formats complete one record per line at most.
  public mutating func nextCompleted() -> Record? { nil }
}

/// A format read as one document (a JSON response), for inputs that are small and not line-oriented.
public protocol DocumentParser {
  static var format: Format { get }
  /// Whether a source starting with `prefix` (its first few KB) is this format.
  static func recognizes(prefix: UnsafeRawBufferPointer) -> Bool
  static func parse(_ document: [UInt8], context: ParserContext) throws(FormatError) -> MetricDocument
}

/// The series and samples of a document-shaped metrics source.
public struct MetricDocument: Sendable, Equatable {
  public var series: [MetricSeries]
  public var samples: [MetricSample]

  public init(series: [MetricSeries], samples: [MetricSample]) {
    self.series = series
    self.samples = samples
  }
}
