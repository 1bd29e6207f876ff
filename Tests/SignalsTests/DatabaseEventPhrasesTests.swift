import Testing

@testable import Signals

@Suite("Database event phrases")
struct DatabaseEventPhrasesTests {
  @Test("every row's example holds its own phrase and no other row's")
  func ownRowOnly() {
    for row in DatabaseEventPhrases.rows {
      let matching = DatabaseEventPhrases.rows.filter { row.example.contains($0.phrase) }
      #expect(matching.map(\.phrase) == [row.phrase], "\(row.example)")
      #expect(DatabaseEventPhrases.row(for: row.example)?.kind == row.kind)
    }
  }

  @Test(
    "an application's own words about durations, deadlines or clients are no database events",
    arguments: [
      "2026-11-27 03:04:11 INFO request took 5012 ms", "GET /clients 200 duration: 12 ms",
      "WARN deadline exceeded calling payments", "too many clients connected to the websocket hub",
    ])
  func notEvents(line: String) {
    #expect(DatabaseEventPhrases.row(for: line) == nil)
  }
}
