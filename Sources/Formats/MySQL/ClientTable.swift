/// The `+---+` tables the `mysql` client draws, followed line by line: a top border, one header line, the
/// border under it, rows, a bottom border. The parser decides what a header means (`Header`) and what a row
/// holds; this keeps the phase, the column boundaries and the messages every such table shares.
///
/// A table whose header the parser does not take (a status table in a processlist capture) is skipped to its
/// closing border, each of its rows reported, so the data-quality counts say how much was not read.
struct ClientTable<Header> {
  enum Step {
    /// Nothing for the parser: a border, a header.
    case structure
    /// The border under the header: rows follow.
    case opened(Header)
    /// A row, its cells in `cells`.
    case row(Header)
    /// The bottom border of a table that had reached its rows.
    case closed
    case malformed(reason: String)
  }

  private enum Phase {
    case outside
    /// After a top border, before the header.
    case header(TableBorder)
    /// After the header, before the border under it.
    case headerRule(TableBorder, Header)
    case rows(TableBorder, Header)
    /// A table of something else, skipped to its closing border.
    case foreign(bordersSeen: Int)
  }

  private var phase = Phase.outside
  /// Where the current table started, for citations and messages.
  private(set) var line = 0
  /// The cells of the last row, trimmed.
  private(set) var cells: [Range<Int>] = []
  /// What the tables hold, for messages: `processlist`, `status`.
  private let subject: String

  init(subject: String) {
    self.subject = subject
  }

  /// Whether rows are being read: a `TS` line or a trailer then closes the table.
  var isReadingRows: Bool {
    if case .rows = phase { true } else { false }
  }

  /// Forgets the table being read (a `TS` line, a trailer or the source's end came first).
  mutating func leave() {
    phase = .outside
  }

  /// Starts a table at `number` that has no rows and no borders (`Empty set`).
  mutating func markEmpty(at number: Int) {
    line = number
  }

  mutating func border(_ text: UnsafeRawBufferPointer, number: Int) -> Step {
    guard let border = TableBorder(text) else {
      return .malformed(reason: "line \(number) looks like a table border but is not one")
    }
    switch phase {
    case .outside, .header:
      line = number
      phase = .header(border)
    case .headerRule(_, let header):
      phase = .rows(border, header)
      return .opened(header)
    case .rows:
      phase = .outside
      return .closed
    case .foreign(let bordersSeen):
      phase = bordersSeen == 0 ? .foreign(bordersSeen: 1) : .outside
    }
    return .structure
  }

  /// A `| … |` line. `header` reads a header line's cells into what its rows mean, or says why the table is
  /// not one the parser reads.
  mutating func piped(
    _ text: UnsafeRawBufferPointer, number: Int,
    header: (UnsafeRawBufferPointer, [Range<Int>]) -> Result<Header, ForeignTable>
  ) -> Step {
    switch phase {
    case .outside:
      return .malformed(reason: "line \(number) is a table row outside any table")
    case .header(let border):
      guard border.cells(of: text, into: &cells) else {
        phase = .outside
        return .malformed(reason: "header at line \(number) does not fit the border above it")
      }
      switch header(text, cells) {
      case .success(let header):
        phase = .headerRule(border, header)
        return .structure
      case .failure(let foreign):
        phase = .foreign(bordersSeen: 0)
        return .malformed(reason: "table at line \(line) is not \(foreign.expected); its rows are not read")
      }
    case .headerRule:
      phase = .outside
      return .malformed(reason: "line \(number): a second header line where a border was expected")
    case .rows(let border, let header):
      guard border.cells(of: text, into: &cells) else {
        return .malformed(
          reason: "row at line \(number) does not fit the columns of the table at line \(line)")
      }
      return .row(header)
    case .foreign:
      return .malformed(reason: "line \(number) belongs to the table at line \(line), which is not read")
    }
  }

  /// At the source's end: a table cut off before its rows is reported; one cut off in its rows is closed.
  mutating func finish() -> Step? {
    switch phase {
    case .rows:
      phase = .outside
      return .closed
    case .header, .headerRule:
      phase = .outside
      return .malformed(reason: "\(subject) table at line \(line) ends before its rows")
    case .outside, .foreign:
      return nil
    }
  }

  /// Why a header is not one the parser reads: what it expected (`a processlist: no Id, User… columns`).
  struct ForeignTable: Error {
    var expected: String
  }

  /// A line of the table that is neither border nor row.
  func stray(_ number: Int) -> String {
    isReadingRows
      ? "line \(number) inside the \(subject) table at line \(line) is not a row"
      : "line \(number) is not part of a \(subject) table"
  }
}
