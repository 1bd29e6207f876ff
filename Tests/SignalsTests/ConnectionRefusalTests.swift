import Testing

@testable import Signals

@Suite("Client-side 1040 lines")
struct ConnectionRefusalTests {
  @Test(
    "every driver's form of a refused connection is recognised",
    arguments: [
      "ERROR 1040 (HY000): Too many connections",
      "com.mysql.jdbc.exceptions.jdbc4.MySQLNonTransientConnectionException: Data source rejected establishment of connection,  message from server: \"Too many connections\"",
      "WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 1040, SQLState: 08004",
      "[2024-01-15 14:24:12] production.ERROR: Doctrine\\DBAL\\Exception\\ConnectionException: SQLSTATE[HY000] [1040] Too many connections {\"sql\": 1} []",
      "sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1040, 'Too many connections')",
    ])
  func refused(line: String) {
    #expect(DatabaseErrorVocabulary.event(in: line)?.event == .refused)
  }

  @Test(
    "timeouts, other errors and numbers that happen to be 1040 are not refusals",
    arguments: [
      "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
      "ERROR 1045 (28000): Access denied for user 'app'@'10.0.0.7' (using password: YES)",
      "GET /orders/1040 HTTP/1.1 200 1040",
      "too many connections in pool? no: 12 of 50",
    ])
  func other(line: String) {
    #expect(DatabaseErrorVocabulary.event(in: line)?.event != .refused)
  }
}
