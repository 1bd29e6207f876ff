import Testing

@testable import Signals

@Suite("Client-side database errors")
struct DatabaseErrorVocabularyTests {
  @Test("every example line of the table is its own row's event, and no other row's")
  func examplesMapToTheirOwnRow() {
    for row in DatabaseErrorVocabulary.rows {
      #expect(!row.examples.isEmpty, "\(row.event)")
      for example in row.examples {
        let matched = DatabaseErrorVocabulary.rows(matching: example).map(\.event)
        #expect(matched == [row.event], "\(example)")
      }
    }
  }

  @Test("every event kind has a row, and lines that name no database error match none")
  func coverage() {
    #expect(Set(DatabaseErrorVocabulary.rows.map(\.event)) == Set(DatabaseErrorVocabulary.Event.allCases))
    for line in [
      "GET /api/ratings 200 12ms", "dial tcp 10.0.0.9:8080: connect: connection refused",
      "Error: connect ECONNREFUSED 10.0.0.5:6379", "lock acquired for job 1205",
    ] {
      #expect(DatabaseErrorVocabulary.event(in: line) == nil, "\(line)")
    }
  }
}
