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
  /// Lines folded into the event before them (stack traces, wrapped messages), which take its time.
  public var continued = 0
  public var skipped = 0
  /// Layout lines of formats that have a layout (headers, borders, comments); none in logs, whose lines are
  /// records, continuations or skipped: lines = records + continued + skipped + structural.
  public var structural = 0
  /// Records read by other formats than `format`, line by line, where it could not read them.
  public var borrowed: [Format: Int] = [:]
  /// The first few skipped lines, with reasons; `skipped` has the full count.
  public var skippedExamples: [SkippedLine] = []
  /// True when the source's times carry no zone and `ReadOptions.zone` was assumed.
  public var assumedZone = false
}

/// Options that change how sources are interpreted.
public struct ReadOptions: Sendable {
  /// The zone of times written without one (`--tz`): a fixed offset or a named zone; UTC by default.
  public var zone: LocalZone
  /// The year of times written without one (BSD syslog's `Nov 27 03:00:01`, `--year`); when nil, the year
  /// that puts them at or before the file's last modification.
  public var year: Int?

  public init(zone: LocalZone = .utc, year: Int? = nil) {
    self.zone = zone
    self.year = year
  }

  /// A fixed offset east of UTC for times written without a zone.
  public init(utcOffsetSeconds: Int, year: Int? = nil) {
    self.init(zone: .fixed(seconds: utcOffsetSeconds), year: year)
  }
}

/// Reads one source: decode, detect the format from its content, parse each line.
///
/// Detection reads the first lines (up to 64, or 64 KiB) once: the line format that recognises most of them
/// wins, since a file may start with a stack trace or a `mysql>` prompt; a source that opens a JSON value and
/// that a document parser accepts is read whole. Memory stays bounded for line formats whatever the size.
///
/// A source is read whole by `read(_:)`, or chunk by chunk: `read(_:_:)` with each chunk in order, or, once
/// the format is known and its lines are independent, by `fork()`s reading later chunks apart and
/// `absorb(_:)`ed in chunk order; then `end(_:_:)`.
public struct SourceReader {
  public let source: Source
  public let options: ReadOptions
  /// What was read so far; complete after `end`.
  public private(set) var stats = SourceStats()
  /// The series table that `MetricSample.series` indexes; complete after `end`.
  public private(set) var series: [MetricSeries] = []
  /// Why the source could not be read as a whole (its format not recognised, its document malformed).
  public private(set) var failure: FormatError?
  private var session: ReadSession
  /// Lines no parser saw: too long to frame.
  private var unframed: [SkippedLine] = []

  /// A known `format` skips detection.
  public init(source: Source, format: Format? = nil, options: ReadOptions = ReadOptions()) {
    self.init(source: source, format: format, options: options, continuing: false)
  }

  private init(source: Source, format: Format?, options: ReadOptions, continuing: Bool) {
    self.source = source
    self.options = options
    session = ReadSession(path: source.path, options: options, format: format, continuing: continuing)
    stats.format = format
  }

  /// Hands every data record (log, request, sample, snapshot) to `body`; structure and malformed lines are
  /// only counted. Throws `FormatError` or `IngestError`; records delivered before a fault stay delivered, and
  /// `stats` describes what was read either way.
  public mutating func read(_ body: (Record, RecordContext) -> Void) throws {
    var reader = LineReader(source: source)
    var fault: IngestError?
    do {
      try reader.forEachLine { line, number in try session.accept(line, number: number, body) }
    } catch let error as IngestError {
      fault = error
    } catch let error as FormatError {
      // Nothing recognised the source: the rest of it is not read.
      failure = error
    }
    // The lines read before a fault still count: a source shorter than the prefix is sniffed and parsed.
    finish(
      compression: reader.compression, bytesRead: reader.bytesRead, bytesDecoded: reader.bytesDecoded,
      lines: failure == nil ? reader.lineCount : 0, warnings: reader.warnings, body)
    if let failure { throw failure }
    if let fault { throw fault }
  }

  /// Reads the lines of the source's next chunk.
  public mutating func read(_ chunk: LineChunk, _ body: (Record, RecordContext) -> Void) {
    var skipped: [IngestError] = []
    if failure == nil {
      skipped = chunk.forEachLine { line, number in
        guard failure == nil else { return }
        do throws(FormatError) {
          try session.accept(line, number: number, body)
        } catch {
          failure = error
        }
      }
    }
    note(unframed: skipped)
    if failure == nil { stats.lines = chunk.firstLineNumber + chunk.lineCount - 1 }
  }

  /// A reader for chunks after those read so far, which parses them on its own; nil while the format is not
  /// known, or when its lines depend on those before them (processlist tables, TYPE lines, documents).
  public func fork() -> SourceReader? {
    guard failure == nil, let format = session.format, session.linesAreIndependent else { return nil }
    return SourceReader(source: source, format: format, options: options, continuing: true)
  }

  /// Takes in the counts of a fork that read the chunks right after those read so far.
  public mutating func absorb(_ fork: SourceReader) {
    session.absorb(fork.session)
    unframed += fork.unframed
    stats.lines = max(stats.lines, fork.stats.lines)
  }

  /// Ends a source read chunk by chunk: sniffs a source shorter than the prefix, hands on what the parser
  /// still holds, parses a collected document, and completes `stats`.
  public mutating func end(_ stream: StreamEnd, _ body: (Record, RecordContext) -> Void) {
    finish(
      compression: stream.stream.compression, bytesRead: stream.bytesRead, bytesDecoded: stream.bytesDecoded,
      lines: stats.lines, warnings: stream.warnings, body)
  }

  private mutating func finish(
    compression: Compression, bytesRead: Int, bytesDecoded: Int, lines: Int, warnings: [IngestError],
    _ body: (Record, RecordContext) -> Void
  ) {
    note(unframed: warnings)
    if failure == nil {
      do throws(FormatError) {
        try session.end(body)
      } catch {
        failure = error
      }
    }
    let lines = max(lines, session.lines, unframed.map(\.line).max() ?? 0)
    let examples = (session.tally.skippedExamples + unframed).sorted { $0.line < $1.line }
    stats = SourceStats(
      compression: compression, format: session.format, bytesRead: bytesRead, bytesDecoded: bytesDecoded,
      lines: lines, records: session.tally.records, continued: session.tally.continued,
      // A source in no known format is skipped whole.
      skipped: failure != nil && session.format == nil ? lines : session.tally.skipped + unframed.count,
      structural: session.tally.structural, borrowed: session.tally.borrowed,
      skippedExamples: Array(examples.prefix(RecordTally.exampleLimit)), assumedZone: session.assumedZone)
    series = session.series
  }

  /// Lines too long to frame never reached a parser; they are skipped all the same.
  private mutating func note(unframed warnings: [IngestError]) {
    for warning in warnings {
      guard case .lineTooLong(let path, let line, let length) = warning else { continue }
      unframed.append(
        SkippedLine(path: path, line: line, reason: "line of \(length) bytes exceeds the framing limit"))
    }
  }
}
