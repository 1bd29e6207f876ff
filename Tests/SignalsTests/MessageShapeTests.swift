import Testing

@testable import Signals

@Suite("Message shapes")
struct MessageShapeTests {
  private func template(_ text: String) -> String {
    Array(text.utf8).withUnsafeBytes { MessageShape.template($0) }
  }

  private func hash(_ text: String) -> UInt64 {
    Array(text.utf8).withUnsafeBytes { MessageShape.hash($0) }
  }

  @Test("a token with one run of digits keeps its letters")
  func singleRun() {
    #expect(
      template("HikariPool-1 - Connection is not available, request timed out after 30662ms.")
        == "HikariPool-<*> - Connection is not available, request timed out after <*>ms.")
  }

  @Test("addresses, ids and hex become a wildcard")
  func manyRuns() {
    // Constant pieces stay, as the Loghub-2.0 template rules split at `@` and `.`.
    #expect(
      template("Added connection com.mysql.cj.jdbc.ConnectionImpl@7ac48e10")
        == "Added connection com.mysql.cj.jdbc.ConnectionImpl@<*>")
    // An address and its port are two variables, as Loghub-2.0's templates write them.
    #expect(template("from 10.0.3.7:51234") == "from <*>:<*>")
  }

  @Test("messages that differ only in variables share a hash; others do not")
  func hashing() {
    #expect(hash("timed out after 30000ms.") == hash("timed out after 30662ms."))
    #expect(hash("timed out after 30000ms.") != hash("timed out before 30000ms."))
    #expect(hash("a  b") == hash("a b"), "runs of spaces are one separator")
  }

  @Test("the hash is the hash of the template text")
  func hashMatchesTemplate() {
    let message = "cities by code 42 for user 9f8e"
    #expect(hash(message) == hash(template(message)))
  }

  @Test("the eight-byte test for spaces and digits agrees with a byte-by-byte one")
  func wordTest() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    // Random words, and words built from the bytes around the boundaries (0x1F–0x21, 0x2F–0x3A, 0xA0, 0xB0).
    let edges: [UInt8] = [
      0x00, 0x1F, 0x20, 0x21, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x7F, 0xA0, 0xB0, 0xB9, 0xFF,
    ]
    var words = (0..<20_000).map { _ in next() }
    for _ in 0..<20_000 {
      var word: UInt64 = 0
      for lane in 0..<8 { word |= UInt64(edges[Int(next() % UInt64(edges.count))]) << (lane * 8) }
      words.append(word)
    }
    for word in words {
      let expected = (0..<8).contains { lane in
        let byte = UInt8(truncatingIfNeeded: word >> (lane * 8))
        return byte == 0x20 || (0x30...0x39).contains(byte)
      }
      #expect(MessageShape.holdsSpaceOrDigit(word) == expected, "word \(String(word, radix: 16))")
    }
  }
}
