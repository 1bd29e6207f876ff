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
    #expect(template("Added connection com.mysql.cj.jdbc.ConnectionImpl@7ac48e10") == "Added connection <*>")
    #expect(template("from 10.0.3.7:51234") == "from <*>")
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
}
