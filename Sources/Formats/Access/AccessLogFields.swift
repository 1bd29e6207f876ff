/// One field of an access-log line: its contents (a quoted or bracketed field's without the delimiters).
struct AccessLogField {
  var range: Range<Int>
  var isQuoted: Bool
}

/// Reads an access-log line field by field: fields are separated by blanks, and a `"…"` or `[…]` field may hold
/// blanks of its own (user agents, the request line, Apache's time).
struct AccessLogFields {
  let line: UnsafeRawBufferPointer
  private(set) var index: Int

  init(_ line: UnsafeRawBufferPointer, from start: Int) {
    self.line = line
    index = start
  }

  /// The next field, or nil at the end of the line or at an unterminated quote or bracket.
  @inline(__always)
  mutating func next() -> AccessLogField? {
    let start = line.skippingBlanks(from: index)
    guard let first = line.byte(at: start) else { return nil }
    let field: AccessLogField
    if first == ASCII.quote {
      guard let close = line.closingQuote(from: start + 1) else { return nil }
      field = AccessLogField(range: (start + 1)..<close, isQuoted: true)
      index = close + 1
    } else if first == ASCII.openBracket {
      guard let close = line.index(of: ASCII.closeBracket, from: start + 1) else { return nil }
      field = AccessLogField(range: (start + 1)..<close, isQuoted: true)
      index = close + 1
    } else {
      let end = line.endOfToken(from: start)
      field = AccessLogField(range: start..<end, isQuoted: false)
      index = end
    }
    return field
  }

  /// The next field as a whole unsigned number (`404`, `0`); nil for `-`, text or the end of the line.
  ///
  /// Read in one pass over its digits, without finding the field's end first: most fields of an access log
  /// are numbers.
  @inline(__always)
  mutating func nextInteger() -> Int64? {
    let start = line.skippingBlanks(from: index)
    guard let number = line.unsignedInteger(at: start),
      number.end == line.count || ASCII.isBlank(line[number.end])
    else {
      _ = next()
      return nil
    }
    index = number.end
    return number.value
  }
}
