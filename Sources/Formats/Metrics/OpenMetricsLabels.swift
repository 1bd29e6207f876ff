/// Label facts the strict checks need, read from a line's bytes: equality, decoded length, group identity.
enum OpenMetricsLabels {
  static func equal(_ line: UnsafeRawBufferPointer, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
    guard a.count == b.count else { return false }
    for offset in 0..<a.count where line[a.lowerBound + offset] != line[b.lowerBound + offset] {
      return false
    }
    return true
  }

  /// Whether `range` holds exactly the bytes of `name`.
  static func equal(_ line: UnsafeRawBufferPointer, _ range: Range<Int>, _ name: [UInt8]) -> Bool {
    guard range.count == name.count else { return false }
    for offset in 0..<name.count where line[range.lowerBound + offset] != name[offset] { return false }
    return true
  }

  /// Unicode scalars once `\\`, `\"` and `\n` are decoded (other escapes stay two characters, as written).
  static func characters(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
    var count = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = line[index]
      if byte == PrometheusSampleLine.backslash, index + 1 < range.upperBound {
        let next = line[index + 1]
        if next == PrometheusSampleLine.backslash || next == PrometheusSampleLine.quote || next == 0x6E {
          count += 1
          index += 2
          continue
        }
      }
      // UTF-8 continuation bytes (10xxxxxx) belong to the scalar before them.
      if byte & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }

  /// An order-independent identity of a label set without the label `excluding`: a sum of per-label hashes,
  /// since names within a set are distinct.
  static func groupHash(
    _ line: UnsafeRawBufferPointer, _ labels: [OpenMetricsSampleSyntax.Label], excluding: Int?
  ) -> UInt64 {
    var sum: UInt64 = 0
    for (position, label) in labels.enumerated() where position != excluding {
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for index in label.name { hash = (hash ^ UInt64(line[index])) &* 0x100_0000_01B3 }
      hash = (hash ^ 0xFF) &* 0x100_0000_01B3
      for index in label.value { hash = (hash ^ UInt64(line[index])) &* 0x100_0000_01B3 }
      hash ^= hash >> 29
      hash = hash &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 32
      sum = sum &+ hash
    }
    return sum
  }

  /// The position of the label called `name` in `labels`.
  static func position(
    of name: StaticString, in line: UnsafeRawBufferPointer, _ labels: [OpenMetricsSampleSyntax.Label]
  ) -> Int? {
    labels.firstIndex { ByteLiterals.equals(line, $0.name, name) }
  }

  /// A label value as a number, if it is one written canonically: infinities only as `+Inf` / `-Inf`.
  static func canonicalNumber(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
    guard let value = DecimalBytes.double(in: line, range), !value.isNaN else { return nil }
    if value.isInfinite, !ByteLiterals.equals(line, range, "+Inf"), !ByteLiterals.equals(line, range, "-Inf")
    {
      return nil
    }
    return value
  }
}
