import Testing

@testable import Formats

@Suite("Abbreviated and lower-case levels")
struct LevelLettersTests {
  private func level(_ text: String) -> LogLevel? {
    guard case .log(let event) = LogLineHarness.record(TextLogParser.self, text) else { return nil }
    return event.level
  }

  @Test("every row's example is read at the row's level, and its spelling is no other row's")
  func rows() {
    let spellings = LevelLetters.rows.map(\.spelling.description)
    #expect(Set(spellings).count == spellings.count)
    for row in LevelLetters.rows {
      #expect(level(row.example.description) == row.level, "\(row.spelling): \(row.example)")
    }
  }

  @Test(
    "lower-case and short level words right after the time",
    arguments: [
      ("2022-06-02T10:54:45.001Z debug wcp [auth/session.go:156] x", LogLevel.debug),
      ("2022-06-02T10:54:45.001Z warn wcp x", .warn), ("2022-06-02T10:54:45.001Z err wcp x", .error),
      ("2022-06-02T10:54:45.001Z crit wcp x", .fatal), ("2022-06-02T10:54:45.001Z info wcp x", .info),
      ("2022-06-02T10:54:45.001Z Error Percent is 5", .info),
    ])
  func lowerCase(line: String, expected: LogLevel) {
    #expect(level(line) == expected)
  }
}
