extension Timestamp {
  /// The time as RFC 3339 in UTC, `2026-11-27T02:58:40Z`, with `.SSS` only when the milliseconds are not zero:
  /// the form `rca.json` and the report use.
  public var rfc3339: String {
    let (days, millisecondOfDay) = milliseconds.floorDivided(by: 86_400_000)
    let date = CivilCalendar.date(days: Int(days))
    let secondOfDay = Int(millisecondOfDay / 1000)
    let millisecond = Int(millisecondOfDay % 1000)
    var text: [UInt8] = []
    text.reserveCapacity(24)
    if date.year < 0 || date.year > 9999 {
      text.append(contentsOf: String(date.year).utf8)
    } else {
      text.appendDigits(date.year, width: 4)
    }
    text.append(ASCII.minus)
    text.appendDigits(date.month, width: 2)
    text.append(ASCII.minus)
    text.appendDigits(date.day, width: 2)
    text.append(0x54)  // 'T'
    text.appendDigits(secondOfDay / 3600, width: 2)
    text.append(ASCII.colon)
    text.appendDigits(secondOfDay / 60 % 60, width: 2)
    text.append(ASCII.colon)
    text.appendDigits(secondOfDay % 60, width: 2)
    if millisecond != 0 {
      text.append(ASCII.dot)
      text.appendDigits(millisecond, width: 3)
    }
    text.append(0x5A)  // 'Z'
    return String(decoding: text, as: UTF8.self)
  }

  /// Reads an RFC 3339 time: `T` or a space between date and time, a fraction of any length (kept to the
  /// millisecond), and a zone (`Z` or `±hh:mm`), which is required: a time without one is ambiguous here.
  public init?(rfc3339 text: String) {
    var text = text
    let scanned = text.withUTF8 { utf8 in
      let bytes = UnsafeRawBufferPointer(utf8)
      return TimestampScanner.dateTime(in: bytes, at: 0, localOffsetSeconds: .utc).flatMap {
        $0.end == bytes.count && $0.hasZone ? $0.timestamp : nil
      }
    }
    guard let scanned else { return nil }
    self = scanned
  }
}

extension Int64 {
  /// Quotient rounded towards minus infinity and a non-negative remainder, so times before 1970 format right.
  func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    let quotient = self / divisor
    let remainder = self % divisor
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
  }
}

extension [UInt8] {
  /// Appends `value` in decimal, zero-padded to `width` digits.
  fileprivate mutating func appendDigits(_ value: Int, width: Int) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      append(ASCII.zero + UInt8(rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }
}
