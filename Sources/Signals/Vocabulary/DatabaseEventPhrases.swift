import Formats

/// What a database server's own log says when it refuses connections, breaks a deadlock, cancels a statement
/// or records a slow one: each phrase a row with the kind of typed event it is and a line that carries it.
/// PostgreSQL's wording is fixed by the server (`errmsg` strings), so a phrase names one event and nothing
/// else.
enum DatabaseEventPhrases {
  struct Row: Sendable {
    let phrase: String
    let kind: SignalKind
    let meaning: String
    let example: String
  }

  static let rows: [Row] = [
    Row(
      phrase: "sorry, too many clients already", kind: .dbConnectionErrors, meaning: "connections refused",
      example: "2025-08-13 01:45:01.127 PDT [12347] FATAL:  sorry, too many clients already"),
    Row(
      phrase: "remaining connection slots are reserved", kind: .dbConnectionErrors,
      meaning: "connections refused",
      example:
        "2025-08-13 01:45:02 UTC [12348] FATAL:  remaining connection slots are reserved for non-replication "
        + "superuser connections"),
    Row(
      phrase: "deadlock detected", kind: .dbDeadlocks, meaning: "deadlocks",
      example: "2025-08-13 01:45:03 UTC [12349] ERROR:  deadlock detected"),
    Row(
      phrase: "canceling statement due to statement timeout", kind: .dbStatementTimeouts,
      meaning: "statements cancelled by statement_timeout",
      example: "2025-08-13 01:45:04 UTC [12350] ERROR:  canceling statement due to statement timeout"),
    Row(
      phrase: "canceling statement due to lock timeout", kind: .dbLockWaitTimeouts,
      meaning: "statements cancelled by lock_timeout",
      example: "2025-08-13 01:45:05 UTC [12351] ERROR:  canceling statement due to lock timeout"),
    Row(
      phrase: " ms  statement: ", kind: .dbSlowQueries, meaning: "statements over log_min_duration_statement",
      example:
        "2017-09-06 08:41:43 UTC [44]: [371-1] LOG:  duration: 59.911 ms  statement: UPDATE t SET b = 1"),
    Row(
      phrase: " ms  execute ", kind: .dbSlowQueries, meaning: "statements over log_min_duration_statement",
      example: "2017-09-06 08:41:43 UTC [44]: [372-1] LOG:  duration: 61.002 ms  execute <unnamed>: SELECT 1"),
  ]

  /// The row whose phrase the line holds, nil for none. Read once per log template (on its first example),
  /// never per line.
  static func row(for line: String) -> Row? {
    rows.first { line.contains($0.phrase) }
  }
}
