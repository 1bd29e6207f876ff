import Testing

@testable import Signals

@Suite("Database restarts in its own log")
struct RestartVocabularyTests {
  @Test("every example line of the table is its own row's event, and no other row's")
  func examplesMapToTheirOwnRow() {
    for row in RestartVocabulary.rows {
      for example in row.examples {
        #expect(RestartVocabulary.rows(matching: example).map(\.event) == [row.event], "\(example)")
      }
    }
  }

  @Test("ordinary server notes are not restarts")
  func ordinaryLines() {
    for line in [
      "2018-12-26T03:11:00.156070Z 300 [Note] Aborted connection 300 to db: 'usercenter' user: 'usercenter' "
        + "host: '10.1.44.162' (Got timeout reading communication packets)",
      "2026-11-29  7:16:59 4 [Warning] Access denied for user 'app'@'localhost' (using password: YES)",
    ] {
      #expect(RestartVocabulary.event(in: line) == nil)
    }
  }
}
