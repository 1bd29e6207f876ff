/// Bytes written through a pointer into room the caller made: no uniqueness or bounds check per byte.
struct ByteSink {
  let base: UnsafeMutablePointer<UInt8>
  var count = 0

  init(base: UnsafeMutablePointer<UInt8>) {
    self.base = base
  }

  var last: UInt8? { count > 0 ? base[count - 1] : nil }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    base[count] = byte
    count += 1
  }

  mutating func append(_ literal: StaticString) {
    for offset in 0..<literal.utf8CodeUnitCount { append(literal.utf8Start[offset]) }
  }

  mutating func removeLast() {
    count -= 1
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether the ASCII `literal` is at `index`.
  func starts(with literal: StaticString, at index: Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard index + length <= count else { return false }
    let expected = literal.utf8Start
    for offset in 0..<length where self[index + offset] != expected[offset] { return false }
    return true
  }
}
