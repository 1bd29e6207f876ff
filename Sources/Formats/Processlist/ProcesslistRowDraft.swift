/// The fields of one processlist row as a form hands them over, in any order and, in `\G` form, over several
/// lines; `row()` then checks that the row is whole, the same way for every form.
struct ProcesslistRowDraft {
  enum Outcome {
    case row(ProcesslistRow)
    case malformed(String)
  }

  private var id: Int64?
  private var seconds: Int?
  private var secondsFromMilliseconds: Int?
  /// The text fields as written, by `ProcesslistField.rawValue`; `row()` reads `NULL` and empty as absent, once a
  /// `\G` value is complete.
  private var texts: [String?] = Array(repeating: nil, count: ProcesslistField.allCases.count)
  /// Bit `rawValue` set for each field read: a `Set` per row cost a fifth of parsing `\G` captures.
  private var seen: UInt16 = 0
  /// The first value that could not be read.
  private var problem: String?

  /// Whether a line for `field` was read.
  func has(_ field: ProcesslistField) -> Bool { seen & Self.bit(field) != 0 }

  /// Reads `range` of `bytes` as `field`'s value.
  mutating func set(_ field: ProcesslistField, _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
    seen |= Self.bit(field)
    switch field {
    case .id:
      if Self.isAbsent(bytes, range) {
        note("Id is NULL: a background thread, not a client connection")
      } else if let parsed = DecimalBytes.int64(in: bytes, range) {
        id = parsed
      } else {
        note("Id \"\(Self.text(bytes, range))\" is not a number")
      }
    case .time:
      // A NULL Time (a thread that has not started a command) is no time in its state.
      if Self.isAbsent(bytes, range) {
        seconds = 0
      } else if let parsed = DecimalBytes.int64(in: bytes, range), let fits = Int(exactly: parsed) {
        seconds = fits
      } else {
        note("Time \"\(Self.text(bytes, range))\" is not a number of seconds")
      }
    case .timeMilliseconds:
      // MariaDB writes a decimal (`1500123.456`), Percona an integer: whole milliseconds are enough.
      let whole =
        range
        .lowerBound..<(bytes.index(of: ASCII.dot, from: range.lowerBound, to: range.upperBound)
        ?? range.upperBound)
      if let parsed = DecimalBytes.int64(in: bytes, whole), let fits = Int(exactly: parsed / 1000) {
        secondsFromMilliseconds = fits
      } else if !Self.isAbsent(bytes, range) {
        note("TIME_MS \"\(Self.text(bytes, range))\" is not a number of milliseconds")
      }
    case .user, .host, .database, .command, .state, .info:
      texts[field.rawValue] = Self.text(bytes, range)
    }
  }

  /// Adds a line to a text field's value, as `\G` prints a value holding newlines; false for a number field.
  mutating func append(line bytes: UnsafeRawBufferPointer, to field: ProcesslistField) -> Bool {
    guard field.isText else { return false }
    texts[field.rawValue] = (texts[field.rawValue] ?? "") + "\n" + Self.text(bytes, 0..<bytes.count)
    return true
  }

  /// The row, or why it cannot be one: a required field missing, or a number that is not one.
  func row() -> Outcome {
    var missing = ProcesslistField.required.filter { !has($0) }
    if !has(.time) && !has(.timeMilliseconds) { missing.append(.time) }
    if !missing.isEmpty { return .malformed("no \(missing.map(\.name).joined(separator: ", ")) field") }
    if let problem { return .malformed(problem) }
    // A seen Id that did not read is a problem above; only a NULL TIME_MS without a Time is left.
    guard let id, let seconds = seconds ?? secondsFromMilliseconds else {
      return .malformed("TIME_MS is NULL and no Time was selected")
    }
    return .row(
      ProcesslistRow(
        id: id, user: required(.user), host: required(.host), database: optional(.database),
        command: required(.command), seconds: seconds, state: optional(.state), info: optional(.info)))
  }

  private static func bit(_ field: ProcesslistField) -> UInt16 { 1 << field.rawValue }

  private mutating func note(_ reason: String) {
    if problem == nil { problem = reason }
  }

  /// `User`, `Host` and `Command` are always there; `system user` rows print an empty Host.
  private func required(_ field: ProcesslistField) -> String {
    optional(field) ?? ""
  }

  /// The table form cannot tell SQL `NULL` from the text `NULL`, so `NULL` always reads as absent, and so does an
  /// empty value (5.7 prints an empty State, not NULL). Blank lines that ended a `\G` value are not part of it.
  private func optional(_ field: ProcesslistField) -> String? {
    guard var value = texts[field.rawValue] else { return nil }
    while value.last == "\n" { value.removeLast() }
    return value.isEmpty || value == "NULL" ? nil : value
  }

  private static func isAbsent(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    range.isEmpty || ByteLiterals.equals(bytes, range, "NULL")
  }

  private static func text(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}
