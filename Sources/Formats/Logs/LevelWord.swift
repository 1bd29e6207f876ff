/// Finds the level word that plain-text log lines carry near their start, whatever the framework: Python's
/// `… - shipping.db - ERROR - …` and `[…] ERROR in app: …`, zap's `…\tERROR\tlogger\t…`, nginx's `[error]`,
/// monolog's `app.ERROR:`; Go's `log` lines have none at all.
///
/// A word counts only when it is written as a level rather than as prose: in capitals (`ERROR`, `WARN`),
/// enclosed (`[error]`, `<warn>`), or ended by `:` or a tab — so Go's `Error Percent is 5` stays a message.
enum LevelWord {
  /// The level and where the message starts, searching `words` words from `start` (a logger name and a
  /// dash may come first); nil when no level word is found.
  static func find(
    in line: UnsafeRawBufferPointer, from start: Int, words limit: Int = 4
  ) -> (level: LogLevel, messageStart: Int)? {
    var index = start
    var words = 0
    while index < line.count, words < limit {
      while index < line.count, isSeparator(line[index]) { index += 1 }
      guard index < line.count else { return nil }
      let opened = index > start && (line[index - 1] == ASCII.openBracket || line[index - 1] == 0x3C)
      var end = index
      while end < line.count, !isSeparator(line[end]), line[end] != ASCII.colon, line[end] != 0x3E {
        end += 1
      }
      if end > index, let level = LogLevel(name: line, index..<end) {
        let closer = line.byte(at: end)
        let enclosed = opened && (closer == ASCII.closeBracket || closer == 0x3E)
        let marked = closer == ASCII.colon || closer == ASCII.tab
        if enclosed || marked || isCapitals(line, index..<end) {
          return (level, messageStart(in: line, after: end))
        }
      }
      words += 1
      index = max(end, index + 1)
    }
    return nil
  }

  /// After the level: its closing bracket or colon, then blanks and a `-` or `|` separator.
  private static func messageStart(in line: UnsafeRawBufferPointer, after end: Int) -> Int {
    var index = end
    if let byte = line.byte(at: index), byte == ASCII.closeBracket || byte == 0x3E || byte == ASCII.colon {
      index += 1
    }
    while index < line.count, ASCII.isBlank(line[index]) { index += 1 }
    if let byte = line.byte(at: index), byte == ASCII.minus || byte == 0x7C,
      line.byte(at: index + 1).map(ASCII.isBlank) ?? true
    {
      index += 1
      while index < line.count, ASCII.isBlank(line[index]) { index += 1 }
    }
    return index
  }

  /// Blanks, brackets, dashes and bars around the words, and the dot of monolog's `app.ERROR`.
  private static func isSeparator(_ byte: UInt8) -> Bool {
    ASCII.isBlank(byte) || byte == ASCII.openBracket || byte == ASCII.closeBracket || byte == 0x3C
      || byte == ASCII.minus || byte == 0x7C || byte == ASCII.dot
  }

  private static func isCapitals(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    range.allSatisfy { ASCII.isUpperLetter(line[$0]) }
  }
}
