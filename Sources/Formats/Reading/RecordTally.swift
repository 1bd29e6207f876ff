/// What one source's lines came to: data records handed on, and lines skipped with the first few reasons.
struct RecordTally {
  static let exampleLimit = 5

  let path: String
  private(set) var records = 0
  /// Lines without a time of their own folded into the event before them (a stack trace, a wrapped message):
  /// read, placed at that event's time, and counted here.
  private(set) var continued = 0
  private(set) var skipped = 0
  private(set) var skippedExamples: [SkippedLine] = []

  init(path: String) {
    self.path = path
  }

  /// Hands a data record to `body` and counts it; counts a malformed line as skipped and a continuation as
  /// continued; structure lines were read as intended and need nothing.
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
      break
    case .malformed(let reason):
      skipped += 1
      if skippedExamples.count < Self.exampleLimit {
        skippedExamples.append(SkippedLine(path: path, line: number, reason: reason))
      }
    }
  }

  /// Adds the counts of a tally of the lines right after these.
  mutating func absorb(_ later: RecordTally) {
    records += later.records
    continued += later.continued
    skipped += later.skipped
    skippedExamples += later.skippedExamples.prefix(Self.exampleLimit - skippedExamples.count)
  }
}
