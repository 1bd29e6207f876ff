#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Scanning a line in place: every parser works on the line's bytes, so no line ever becomes a `String`.
// All functions check their bounds themselves (the buffer's subscript does not in release builds).
extension UnsafeRawBufferPointer {
  /// The index of the first `byte` in `start..<end`, found with `memchr`.
  @inline(__always)
  func index(of byte: UInt8, from start: Int, to end: Int) -> Int? {
    guard start < end, let base = baseAddress else { return nil }
    guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
    return UnsafeRawPointer(hit) - base
  }

  @inline(__always)
  func index(of byte: UInt8, from start: Int) -> Int? {
    index(of: byte, from: start, to: count)
  }

  /// Whether `literal` starts at `offset`.
  @inline(__always)
  func matches(_ literal: StaticString, at offset: Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard offset >= 0, offset + length <= count else { return false }
    guard length > 0, let base = baseAddress else { return true }
    return memcmp(base + offset, literal.utf8Start, length) == 0
  }

  /// Whether the bytes in `range` are `lowercase` in any letter case (`WARN`, `Warn`, `warn`).
  @inline(__always)
  func equalsIgnoringCase(_ range: Range<Int>, _ lowercase: StaticString) -> Bool {
    guard range.count == lowercase.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= count
    else { return false }
    let literal = lowercase.utf8Start
    var index = 0
    for offset in range {
      if ASCII.lowercased(self[offset]) != literal[index] { return false }
      index += 1
    }
    return true
  }

  /// The byte at `offset`, or nil past either end.
  @inline(__always)
  func byte(at offset: Int) -> UInt8? {
    offset >= 0 && offset < count ? self[offset] : nil
  }

  /// The first index at or after `start` that holds neither a space nor a tab.
  @inline(__always)
  func skippingBlanks(from start: Int) -> Int {
    var index = start
    while index < count && ASCII.isBlank(self[index]) { index += 1 }
    return index
  }

  /// The first index at or after `start` that holds a space or a tab, or `count`.
  @inline(__always)
  func endOfToken(from start: Int) -> Int {
    var index = start
    while index + 8 <= count {
      let word = loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let blanks =
        Self.zeroBytes(word ^ Self.spread(ASCII.space)) | Self.zeroBytes(word ^ Self.spread(ASCII.tab))
      if blanks != 0 { return index + blanks.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < count && !ASCII.isBlank(self[index]) { index += 1 }
    return index
  }

  /// The index of the `"` that closes a quoted text whose contents start at `start`; a quote after a
  /// backslash is escaped (JSON, Apache's `\"`), and so is a backslash after one.
  ///
  /// Eight bytes at a time: a byte loop over the quoted fields of access lines (user agents, request lines)
  /// was a quarter of parsing them.
  @inline(__always)
  func closingQuote(from start: Int) -> Int? {
    var index = start
    while index + 8 <= count {
      let word = loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let hits =
        Self.zeroBytes(word ^ Self.spread(ASCII.quote)) | Self.zeroBytes(word ^ Self.spread(ASCII.backslash))
      guard hits != 0 else {
        index += 8
        continue
      }
      let hit = index + hits.trailingZeroBitCount / 8
      if self[hit] == ASCII.quote { return hit }
      index = hit + 2  // the backslash and the byte it escapes
    }
    while index < count {
      if self[index] == ASCII.quote { return index }
      index += self[index] == ASCII.backslash ? 2 : 1
    }
    return nil
  }

  /// `byte` in each of a word's eight bytes.
  @inline(__always)
  private static func spread(_ byte: UInt8) -> UInt64 {
    UInt64(byte) &* 0x0101_0101_0101_0101
  }

  /// The high bit of each byte of `word` that is zero, and no other bit: exact, since no borrow crosses a
  /// byte (the bit trick in Hacker's Delight 6-1, in the form without false positives).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((word & low) &+ low) | word | low)
  }

  /// `width` decimal digits at `offset` as a number; nil if any of them is not a digit.
  @inline(__always)
  func fixedDigits(at offset: Int, width: Int) -> Int? {
    guard offset >= 0, offset + width <= count else { return nil }
    var value = 0
    for index in offset..<(offset + width) {
      let digit = self[index] &- ASCII.zero
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// The unsigned decimal integer starting at `offset` and the index after its last digit; nil when there is no
  /// digit there or the number has more than 18 digits (it could overflow).
  @inline(__always)
  func unsignedInteger(at offset: Int) -> (value: Int64, end: Int)? {
    var index = offset
    var value: Int64 = 0
    while index < count {
      let digit = self[index] &- ASCII.zero
      guard digit < 10 else { break }
      value = value * 10 + Int64(digit)
      index += 1
    }
    let digits = index - offset
    guard digits > 0, digits <= 18 else { return nil }
    return (value, index)
  }

  /// A decimal number (`12`, `0.125`, `-3.5`) starting at `offset`, with the index after it; no exponents, which
  /// the access-log fields this reads never carry.
  func decimal(at offset: Int) -> (value: Double, end: Int)? {
    var index = offset
    var negative = false
    if let sign = byte(at: index), sign == ASCII.minus || sign == ASCII.plus {
      negative = sign == ASCII.minus
      index += 1
    }
    var whole: Int64 = 0
    var digits = 0
    while index < count, ASCII.isDigit(self[index]), digits < 18 {
      whole = whole * 10 + Int64(self[index] - ASCII.zero)
      index += 1
      digits += 1
    }
    // The fraction is summed as an integer and divided once, so `0.125` reads as exactly 0.125.
    var fraction: Int64 = 0
    var scale: Int64 = 1
    if index < count, self[index] == ASCII.dot {
      index += 1
      while index < count, ASCII.isDigit(self[index]) {
        if scale < 1_000_000_000_000_000 {
          fraction = fraction * 10 + Int64(self[index] - ASCII.zero)
          scale *= 10
        }
        index += 1
        digits += 1
      }
    }
    guard digits > 0, index >= count || !ASCII.isDigit(self[index]) else { return nil }
    let value = Double(whole) + Double(fraction) / Double(scale)
    return (negative ? -value : value, index)
  }
}
