/// Which cell of a row holds which processlist field, from the header's column names in any letter case
/// (`Id`, `ID`, `db`, `DB`); extra columns (MariaDB `Progress`, Percona `Rows_sent`, `TIME_MS`) are ignored.
struct ProcesslistColumns {
  private var id: Int
  private var user: Int
  private var host: Int
  private var command: Int
  private var time: Int
  private var database: Int?
  private var state: Int?
  private var info: Int?

  /// Nil when the header lacks one of `Id`, `User`, `Host`, `Command`, `Time`: some other table
  /// (`mysqladmin extended-status`, `SHOW VARIABLES`) drawn the same way.
  init?(header line: UnsafeRawBufferPointer, cells: [Range<Int>]) {
    var id: Int?
    var user: Int?
    var host: Int?
    var command: Int?
    var time: Int?
    for (index, cell) in cells.enumerated() {
      func named(_ lowercase: StaticString) -> Bool { ByteLiterals.equalsIgnoringCase(line, cell, lowercase) }
      if named("id") { id = id ?? index }
      if named("user") { user = user ?? index }
      if named("host") { host = host ?? index }
      if named("command") { command = command ?? index }
      if named("time") { time = time ?? index }
      if named("db") { database = database ?? index }
      if named("state") { state = state ?? index }
      if named("info") { info = info ?? index }
    }
    guard let id, let user, let host, let command, let time else { return nil }
    self.id = id
    self.user = user
    self.host = host
    self.command = command
    self.time = time
  }

  enum Row {
    case row(ProcesslistRow)
    case malformed(String)
  }

  /// The row in `cells`; the table form cannot tell SQL `NULL` from the text `NULL`, so `NULL` always
  /// reads as absent, and so does an empty `db`, `State` or `Info` (5.7 prints an empty State, not NULL).
  func row(_ line: UnsafeRawBufferPointer, cells: [Range<Int>]) -> Row {
    guard let id = DecimalBytes.int64(in: line, cells[self.id]) else {
      return .malformed("Id \"\(Self.text(line, cells[self.id]))\" is not a number")
    }
    let seconds: Int
    if Self.isAbsent(line, cells[time]) {
      seconds = 0
    } else if let parsed = DecimalBytes.int64(in: line, cells[time]), let fits = Int(exactly: parsed) {
      seconds = fits
    } else {
      return .malformed("Time \"\(Self.text(line, cells[time]))\" is not a number of seconds")
    }
    return .row(
      ProcesslistRow(
        id: id, user: Self.required(line, cells[user]), host: Self.required(line, cells[host]),
        database: Self.optional(line, cells, database), command: Self.required(line, cells[command]),
        seconds: seconds, state: Self.optional(line, cells, state), info: Self.optional(line, cells, info)))
  }

  private static func required(_ line: UnsafeRawBufferPointer, _ cell: Range<Int>) -> String {
    isAbsent(line, cell) ? "" : text(line, cell)
  }

  private static func optional(_ line: UnsafeRawBufferPointer, _ cells: [Range<Int>], _ index: Int?)
    -> String?
  {
    guard let index, !isAbsent(line, cells[index]) else { return nil }
    return text(line, cells[index])
  }

  private static func isAbsent(_ line: UnsafeRawBufferPointer, _ cell: Range<Int>) -> Bool {
    cell.isEmpty || ByteLiterals.equals(line, cell, "NULL")
  }

  private static func text(_ line: UnsafeRawBufferPointer, _ cell: Range<Int>) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: line[cell]), as: UTF8.self)
  }
}
