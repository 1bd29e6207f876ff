/// The lines the `mysql` client writes around a result set, in every output form: they separate snapshots.
enum ClientLines {
  /// `N row(s) in set (0.00 sec)` (with `, N warnings` on some servers) or `Empty set (0.00 sec)`.
  static func isTrailer(_ line: UnsafeRawBufferPointer) -> Bool {
    if isEmptySet(line) { return true }
    var index = 0
    while index < line.count, ASCII.isDigit(line[index]) { index += 1 }
    guard index > 0 else { return false }
    return ByteLiterals.hasPrefix(line, " rows in set", at: index)
      || ByteLiterals.hasPrefix(line, " row in set", at: index)
  }

  /// The trailer of a query that returned no rows: a snapshot with no connections.
  static func isEmptySet(_ line: UnsafeRawBufferPointer) -> Bool {
    ByteLiterals.hasPrefix(line, "Empty set")
  }

  /// `mysql> show full processlist;` and MariaDB's `MariaDB [(none)]> …`.
  static func isPrompt(_ line: UnsafeRawBufferPointer) -> Bool {
    ByteLiterals.hasPrefix(line, "mysql>") || ByteLiterals.hasPrefix(line, "MariaDB [")
  }

  /// The line without the `\r` that a capture saved on Windows, or passed through `unix2dos`, ends with.
  static func droppingCarriageReturn(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    line.count > 0 && line[line.count - 1] == 0x0D
      ? UnsafeRawBufferPointer(rebasing: line[..<(line.count - 1)]) : line
  }
}
