import Testing

@testable import Formats

@Suite("Scanning a line's bytes")
struct ByteScanningTests {
  /// What the word-at-a-time scans must agree with: the plain byte loops.
  private static func referenceEndOfToken(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index < bytes.count && bytes[index] != 0x20 && bytes[index] != 0x09 { index += 1 }
    return index
  }

  private static func referenceClosingQuote(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      if bytes[index] == 0x22 { return index }
      index += bytes[index] == 0x5C ? 2 : 1
    }
    return nil
  }

  @Test("token ends and closing quotes are found as a byte loop finds them, at every offset and length")
  func agreesWithByteLoops() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    // Mostly letters, with spaces, tabs, quotes, backslashes and high bytes sprinkled in.
    let alphabet: [UInt8] = Array("abcdefgh".utf8) + [0x20, 0x09, 0x22, 0x5C, 0xA0, 0xE2, 0x00]
    for _ in 0..<3_000 {
      let length = Int(next() % 40)
      let bytes = (0..<length).map { _ in
        next() % 4 == 0 ? alphabet[Int(next() % UInt64(alphabet.count))] : alphabet[Int(next() % 8)]
      }
      bytes.withUnsafeBytes { line in
        for start in 0...length {
          #expect(
            line.endOfToken(from: start) == Self.referenceEndOfToken(bytes, from: start), "\(bytes) @\(start)"
          )
          #expect(
            line.closingQuote(from: start) == Self.referenceClosingQuote(bytes, from: start),
            "\(bytes) @\(start)")
        }
      }
    }
  }
}
