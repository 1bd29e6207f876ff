/// Comparisons of a line's bytes with fixed words (`TYPE`, `NaN`, `Id`), without making a `String`.
enum ByteLiterals {
  /// Whether `range` holds exactly `literal`.
  static func equals(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ literal: StaticString) -> Bool {
    guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count
    else { return false }
    let expected = literal.utf8Start
    for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
    return true
  }

  /// Whether `range` holds `lowercase` in any letter case.
  static func equalsIgnoringCase(
    _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ lowercase: StaticString
  ) -> Bool {
    guard range.count == lowercase.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count
    else { return false }
    let expected = lowercase.utf8Start
    for offset in 0..<range.count {
      let byte = bytes[range.lowerBound + offset]
      let folded = byte &- 0x41 < 26 ? byte | 0x20 : byte
      if folded != expected[offset] { return false }
    }
    return true
  }

  /// Whether `bytes` starts with `literal` at `offset`.
  static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString, at offset: Int = 0) -> Bool
  {
    equals(bytes, offset..<(offset + literal.utf8CodeUnitCount), literal)
  }

  /// Whether `literal` occurs anywhere in `bytes`: for sniffing a document's first kilobytes.
  static func contains(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard bytes.count >= length else { return false }
    return (0...(bytes.count - length)).contains { hasPrefix(bytes, literal, at: $0) }
  }
}
