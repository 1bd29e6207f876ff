/// Lines the `mysql` client and capture scripts print around result sets, in every output form, which carry
/// no rows: they separate processlist snapshots and status dumps.
enum ClientLines {
  /// `N row(s) in set (0.00 sec)` (with `, N warnings` on some servers) or `Empty set (0.00 sec)`.
  static func isTrailer(_ line: UnsafeRawBufferPointer) -> Bool {
    if isEmptySet(line) { return true }
    var index = 0
    while index < line.count, ASCII.isDigit(line[index]) { index += 1 }
    guard index > 0 else { return false }
    return line.matches(" rows in set", at: index) || line.matches(" row in set", at: index)
  }

  /// The trailer of a query that returned no rows: a snapshot with no connections.
  static func isEmptySet(_ line: UnsafeRawBufferPointer) -> Bool {
    line.matches("Empty set", at: 0)
  }

  /// `mysql> show full processlist;` and MariaDB's `MariaDB [(none)]> …`.
  static func isPrompt(_ line: UnsafeRawBufferPointer) -> Bool {
    line.matches("mysql>", at: 0) || line.matches("MariaDB [", at: 0)
  }

  /// The line without the `\r` that a capture saved on Windows, or passed through `unix2dos`, ends with.
  static func droppingCarriageReturn(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    line.count > 0 && line[line.count - 1] == 0x0D
      ? UnsafeRawBufferPointer(rebasing: line[..<(line.count - 1)]) : line
  }

  /// The line without the blanks (and a CRLF's `\r`) the client pads it with at the end; with `keepingTabs`,
  /// a trailing tab stays, since in batch output it separates a name from an empty value.
  static func droppingTrailingBlanks(_ line: UnsafeRawBufferPointer, keepingTabs: Bool = false)
    -> UnsafeRawBufferPointer
  {
    var end = line.count
    while end > 0,
      line[end - 1] == ASCII.space || line[end - 1] == 0x0D || !keepingTabs && line[end - 1] == ASCII.tab
    {
      end -= 1
    }
    return UnsafeRawBufferPointer(rebasing: line[..<end])
  }

  /// `[A-Za-z_][A-Za-z0-9_]*`: how status and variable names are spelled.
  static func isName(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    guard !range.isEmpty, range.upperBound <= line.count else { return false }
    let first = line[range.lowerBound]
    guard ASCII.isUpperLetter(first) || ASCII.isLowerLetter(first) || first == ASCII.underscore else {
      return false
    }
    for index in range.dropFirst() {
      let byte = line[index]
      guard
        ASCII.isUpperLetter(byte) || ASCII.isLowerLetter(byte) || ASCII.isDigit(byte)
          || byte == ASCII.underscore
      else { return false }
    }
    return true
  }

  /// Whether two header cells say `Variable_name` and `Value` (`SHOW STATUS`, `SHOW VARIABLES`), or
  /// `VARIABLE_NAME` and `VARIABLE_VALUE` (`performance_schema.global_status`), in any letter case.
  static func isHeader(_ line: UnsafeRawBufferPointer, name: Range<Int>, value: Range<Int>) -> Bool {
    line.equalsIgnoringCase(name, "variable_name")
      && (line.equalsIgnoringCase(value, "value") || line.equalsIgnoringCase(value, "variable_value"))
  }
}
