/// One value found by `JSONObjectScanner`: its bytes (a string's without the quotes) and whether it is a string.
struct JSONValueRange {
  var range: Range<Int>
  var isString: Bool
}

/// Walks the top-level members of the JSON object that makes up one line, without building it: a log line needs
/// two or three of its keys, and a full JSON parser would allocate per line. Nested objects and arrays are
/// skipped over; escapes are left as they are (a key with an escape does not match a plain name, which no
/// logger writes).
enum JSONObjectScanner {
  /// Calls `visit` with each top-level key (its contents) and value; returns false when the line is not one
  /// complete object.
  @inline(__always)
  static func forEachMember(
    in line: UnsafeRawBufferPointer, _ visit: (_ key: Range<Int>, _ value: JSONValueRange) -> Void
  ) -> Bool {
    var index = skipWhitespace(in: line, from: 0)
    guard line.byte(at: index) == ASCII.openBrace else { return false }
    index = skipWhitespace(in: line, from: index + 1)
    if line.byte(at: index) == ASCII.closeBrace {
      return skipWhitespace(in: line, from: index + 1) == line.count
    }
    while true {
      guard line.byte(at: index) == ASCII.quote, let keyEnd = line.closingQuote(from: index + 1) else {
        return false
      }
      let key = (index + 1)..<keyEnd
      index = skipWhitespace(in: line, from: keyEnd + 1)
      guard line.byte(at: index) == ASCII.colon else { return false }
      index = skipWhitespace(in: line, from: index + 1)
      guard let first = line.byte(at: index) else { return false }
      let value: JSONValueRange
      if first == ASCII.quote {
        guard let end = line.closingQuote(from: index + 1) else { return false }
        value = JSONValueRange(range: (index + 1)..<end, isString: true)
        index = end + 1
      } else if first == ASCII.openBrace || first == ASCII.openBracket {
        guard let end = endOfNested(in: line, from: index) else { return false }
        value = JSONValueRange(range: index..<end, isString: false)
        index = end
      } else {
        var end = index
        while end < line.count {
          let byte = line[end]
          if byte == ASCII.comma || byte == ASCII.closeBrace || isWhitespace(byte) { break }
          end += 1
        }
        value = JSONValueRange(range: index..<end, isString: false)
        index = end
      }
      visit(key, value)
      index = skipWhitespace(in: line, from: index)
      guard let separator = line.byte(at: index) else { return false }
      if separator == ASCII.closeBrace {
        return skipWhitespace(in: line, from: index + 1) == line.count
      }
      guard separator == ASCII.comma else { return false }
      index = skipWhitespace(in: line, from: index + 1)
    }
  }

  /// The index just after the object or array that opens at `start`.
  static func endOfNested(in line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var depth = 0
    var index = start
    while index < line.count {
      switch line[index] {
      case ASCII.quote:
        guard let end = line.closingQuote(from: index + 1) else { return nil }
        index = end
      case ASCII.openBrace, ASCII.openBracket:
        depth += 1
      case ASCII.closeBrace, ASCII.closeBracket:
        depth -= 1
        if depth == 0 { return index + 1 }
      default:
        break
      }
      index += 1
    }
    return nil
  }

  @inline(__always)
  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == ASCII.space || byte == ASCII.tab || byte == 0x0D || byte == 0x0A
  }

  @inline(__always)
  static func skipWhitespace(in line: UnsafeRawBufferPointer, from start: Int) -> Int {
    var index = start
    while index < line.count, isWhitespace(line[index]) { index += 1 }
    return index
  }
}
