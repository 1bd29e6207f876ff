/// What one source's lines came to: data records handed on (and which reader read them), lines folded into
/// the record before them, lines skipped with the first few reasons, and layout lines, so that every line is
/// accounted for: lines = records + continued + skipped + structural, with no layout lines in event logs.
struct RecordTally {
  static let exampleLimit = 5

  /// How lines that carry no data count.
  enum Layout {
    /// Logs and access logs read from their first line: a line before the first record is skipped, with the
    /// reason; after it, a line without data belongs to the record before it.
    case events
    /// A later chunk of an event log read apart: its first lines continue the chunk before.
    case laterEvents
    /// Metric dumps, processlists, status tables, documents: headers, borders and comments are layout.
    case layout
  }

  let path: String
  var layout: Layout
  private(set) var records = 0
  /// Lines without a time of their own folded into the event before them (a stack trace, a wrapped message):
  /// read, placed at that event's time, and counted here.
  private(set) var continued = 0
  private(set) var skipped = 0
  /// Headers, borders, comments and blank lines of formats that have a layout.
  private(set) var structural = 0
  private(set) var skippedExamples: [SkippedLine] = []
  /// Records read by another format than the source's, line by line, when the source's did not read them.
  private(set) var borrowed: [Format: Int] = [:]

  init(path: String, layout: Layout = .layout) {
    self.path = path
    self.layout = layout
  }

  /// Hands a data record to `body` and counts it; counts a malformed line as skipped and a continuation as
  /// continued; a structure line as the layout says.
  @inline(__always)
  mutating func deliver(
    _ record: Record, line: UnsafeRawBufferPointer, number: Int, to body: (Record, RecordContext) -> Void
  ) {
    switch record {
    case .log, .request, .sample, .snapshot, .database:
      records += 1
      body(record, RecordContext(line: line, lineNumber: number))
    case .continuation:
      continued += 1
    case .structure:
      switch layout {
      case .layout: structural += 1
      case .laterEvents: continued += 1
      case .events:
        if records == 0 {
          skip(number, reason: "before the first record: no time stamp or header the format reads")
        } else {
          continued += 1
        }
      }
    case .malformed(let reason):
      skip(number, reason: reason)
    }
  }

  /// Counts a record that `format`, not the source's own, read.
  @inline(__always)
  mutating func borrow(
    _ record: Record, from format: Format, line: UnsafeRawBufferPointer, number: Int,
    to body: (Record, RecordContext) -> Void
  ) {
    borrowed[format, default: 0] += 1
    deliver(record, line: line, number: number, to: body)
  }

  private mutating func skip(_ number: Int, reason: String) {
    skipped += 1
    if skippedExamples.count < Self.exampleLimit {
      skippedExamples.append(SkippedLine(path: path, line: number, reason: reason))
    }
  }

  /// Adds the counts of a tally of the lines right after these.
  mutating func absorb(_ later: RecordTally) {
    records += later.records
    continued += later.continued
    skipped += later.skipped
    structural += later.structural
    borrowed.merge(later.borrowed, uniquingKeysWith: +)
    skippedExamples += later.skippedExamples.prefix(Self.exampleLimit - skippedExamples.count)
  }
}
