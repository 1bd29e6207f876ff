/// Walks the elements of the JSON array that makes up a buffer, without building them (see
/// `JSONObjectScanner`): a string element's range keeps its quotes, an object's or array's its brackets.
enum JSONArrayScanner {
  /// Calls `visit` with each element's range; false when the buffer is not one complete array.
  static func forEachElement(in bytes: UnsafeRawBufferPointer, _ visit: (Range<Int>) -> Void) -> Bool {
    var index = JSONObjectScanner.skipWhitespace(in: bytes, from: 0)
    guard bytes.byte(at: index) == ASCII.openBracket else { return false }
    index = JSONObjectScanner.skipWhitespace(in: bytes, from: index + 1)
    if bytes.byte(at: index) == ASCII.closeBracket {
      return JSONObjectScanner.skipWhitespace(in: bytes, from: index + 1) == bytes.count
    }
    while true {
      guard let first = bytes.byte(at: index) else { return false }
      let end: Int
      if first == ASCII.quote {
        guard let close = bytes.closingQuote(from: index + 1) else { return false }
        end = close + 1
      } else if first == ASCII.openBrace || first == ASCII.openBracket {
        guard let close = JSONObjectScanner.endOfNested(in: bytes, from: index) else { return false }
        end = close
      } else {
        var stop = index
        while stop < bytes.count, bytes[stop] != ASCII.comma, bytes[stop] != ASCII.closeBracket,
          !ASCII.isBlank(bytes[stop]), bytes[stop] != 0x0A, bytes[stop] != 0x0D
        {
          stop += 1
        }
        end = stop
      }
      guard end > index else { return false }
      visit(index..<end)
      index = JSONObjectScanner.skipWhitespace(in: bytes, from: end)
      guard let separator = bytes.byte(at: index) else { return false }
      if separator == ASCII.closeBracket {
        return JSONObjectScanner.skipWhitespace(in: bytes, from: index + 1) == bytes.count
      }
      guard separator == ASCII.comma else { return false }
      index = JSONObjectScanner.skipWhitespace(in: bytes, from: index + 1)
    }
  }
}
