#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Numbers read straight from a line's bytes, as Go's `strconv` writes them (Prometheus values, timestamps,
/// processlist ids): no `String` per number. Every function checks its range against the buffer itself.
enum DecimalBytes {
  /// A signed decimal integer filling `range` exactly (`-3982045`, `+7`); nil on any other byte or overflow.
  static func int64(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int64? {
    guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else { return nil }
    var index = range.lowerBound
    let negative = bytes[index] == 0x2D
    if negative || bytes[index] == 0x2B { index += 1 }
    guard index < range.upperBound else { return nil }
    // Accumulate downwards so that Int64.min itself parses.
    var value: Int64 = 0
    while index < range.upperBound {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (next, overflowB) = shifted.subtractingReportingOverflow(Int64(digit))
      guard !overflowA, !overflowB else { return nil }
      value = next
      index += 1
    }
    if negative { return value }
    return value == .min ? nil : -value
  }

  /// A Go float filling `range` exactly: decimal with optional exponent, or `NaN` / `Inf` / `Infinity` with
  /// an optional sign in any letter case, as `strconv.ParseFloat` accepts them; nil otherwise.
  static func double(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
    guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else { return nil }
    var index = range.lowerBound
    let negative = bytes[index] == 0x2D
    if negative || bytes[index] == 0x2B { index += 1 }
    guard index < range.upperBound else { return nil }
    if !isDigit(bytes[index]) && bytes[index] != 0x2E {
      return special(in: bytes, index..<range.upperBound, negative: negative)
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var exponent = 0
    var inexact = false
    var digits = 0
    var seenDot = false
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == 0x2E {
        guard !seenDot else { return nil }
        seenDot = true
      } else if isDigit(byte) {
        digits += 1
        let digit = UInt64(byte &- 0x30)
        if significantDigits < 19 {
          if mantissa != 0 || digit != 0 { significantDigits += 1 }
          mantissa = mantissa &* 10 &+ digit
          if seenDot { exponent -= 1 }
        } else {
          if digit != 0 { inexact = true }
          if !seenDot { exponent += 1 }
        }
      } else {
        break
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    if index < range.upperBound {
      guard bytes[index] | 0x20 == 0x65 else { return nil }
      index += 1
      guard let written = exponentValue(in: bytes, index..<range.upperBound) else { return nil }
      exponent += written
      index = range.upperBound
    }
    if let exact = exactValue(mantissa: mantissa, exponent: exponent, inexact: inexact) {
      return negative ? -exact : exact
    }
    return correctlyRounded(in: bytes, range)
  }

  /// Powers of ten that a `Double` holds exactly: products and quotients with them round once, correctly.
  private static let exactPowersOfTen: [Double] = (0...22).map { power in
    (0..<power).reduce(1.0) { product, _ in product * 10 }
  }

  /// The value when it needs one correctly rounded operation (Clinger's fast path), else nil.
  private static func exactValue(mantissa: UInt64, exponent: Int, inexact: Bool) -> Double? {
    guard !inexact else { return nil }
    if mantissa == 0 { return 0 }
    if exponent == 0 { return Double(mantissa) }
    guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
    let significand = Double(mantissa)
    return exponent < 0
      ? significand / exactPowersOfTen[-exponent] : significand * exactPowersOfTen[exponent]
  }

  /// Long mantissas and far exponents go through the C library on a stack copy of the token; `strtod` reads
  /// the C locale's decimal point, so a token it does not consume whole falls back to the standard library.
  private static func correctlyRounded(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
    guard range.count < 400 else {
      return Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: range.count + 1) { buffer in
      guard let base = buffer.baseAddress, let source = bytes.baseAddress else { return nil }
      memcpy(base, source + range.lowerBound, range.count)
      base[range.count] = 0
      var end: UnsafeMutablePointer<CChar>?
      let value = strtod(base, &end)
      if end == base + range.count { return value }
      return Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
  }

  /// The exponent after `e`, saturated far beyond any finite double so that `1e999999999999` cannot overflow.
  private static func exponentValue(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
    var index = range.lowerBound
    guard index < range.upperBound else { return nil }
    let negative = bytes[index] == 0x2D
    if negative || bytes[index] == 0x2B { index += 1 }
    guard index < range.upperBound else { return nil }
    var value = 0
    while index < range.upperBound {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      if value < 100_000 { value = value * 10 + Int(digit) }
      index += 1
    }
    return negative ? -value : value
  }

  private static func special(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>, negative: Bool)
    -> Double?
  {
    if ByteLiterals.equalsIgnoringCase(bytes, range, "inf")
      || ByteLiterals.equalsIgnoringCase(bytes, range, "infinity")
    {
      return negative ? -.infinity : .infinity
    }
    if ByteLiterals.equalsIgnoringCase(bytes, range, "nan") { return .nan }
    return nil
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}
