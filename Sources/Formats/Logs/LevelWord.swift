/// Finds the level word that plain-text log lines carry near their start, whatever the framework: Python's
/// `… - shipping.db - ERROR - …` and `[…] ERROR in app: …`, zap's `…\tERROR\tlogger\t…`, nginx's `[error]`,
/// Apache's `[core:error]`, monolog's `app.ERROR:`; Go's `log` lines have none at all.
///
/// A word counts only when it is written as a level rather than as prose: in capitals (`ERROR`, `WARN`),
/// enclosed (`[error]`, `<warn>`, `[http:info]`), ended by `:` or a tab, or in lower case right after the time
/// (`2022-06-02T10:54:45.001Z debug wcp …`) — so Go's `Error Percent is 5` stays a message. Abbreviated levels
/// count too (see `LevelLetters`): a lone capital (`V`, `D`, `I`, `W`, `E`, `F`), ESXi's `Db(167)`, SSSD's
/// `(0x0040)`.
enum LevelWord {
  /// The level and where the message starts, searching `words` words from `start` up to `end` (a logger name
  /// and a dash may come first); nil when no level word is found. With `leading`, the word at `start` counts
  /// in lower case too.
  static func find(
    in line: UnsafeRawBufferPointer, from start: Int, to end: Int? = nil, words limit: Int = 4,
    leading: Bool = false
  ) -> (level: LogLevel, messageStart: Int)? {
    let stop = min(end ?? line.count, line.count)
    var index = start
    var words = 0
    while index < stop, words < limit {
      while index < stop, isSeparator(line[index]) { index += 1 }
      guard index < stop else { return nil }
      let previous = index > start ? line[index - 1] : 0
      let opened = previous == ASCII.openBracket || previous == 0x3C || previous == ASCII.colon
      var end = index
      while end < stop, !isSeparator(line[end]), line[end] != ASCII.colon, line[end] != 0x3E {
        end += 1
      }
      if end > index {
        if let level = LogLevel(name: line, index..<end) {
          let closer = line.byte(at: end)
          let enclosed =
            opened && (closer == ASCII.closeBracket || closer == 0x3E)
            && (previous != ASCII.colon || closer == ASCII.closeBracket)
          let marked = closer == ASCII.colon || closer == ASCII.tab
          let first =
            leading && words == 0 && index == line.skippingBlanks(from: start)
            && range(index..<end, in: line, allSatisfy: ASCII.isLowerLetter)
          if enclosed || marked || first || isCapitals(line, index..<end) {
            return (level, messageStart(in: line, after: end))
          }
        } else if let level = LevelLetters.level(in: line, index..<end) {
          return (level, messageStart(in: line, after: end))
        }
      }
      // A dotted name (`ipa.example.com`, `app.ERROR`) is one word, and a lone colon none.
      if end > index, line.byte(at: end) != ASCII.dot { words += 1 }
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
    self.range(range, in: line, allSatisfy: ASCII.isUpperLetter)
  }

  private static func range(
    _ range: Range<Int>, in line: UnsafeRawBufferPointer, allSatisfy test: (UInt8) -> Bool
  ) -> Bool {
    range.allSatisfy { test(line[$0]) }
  }
}
