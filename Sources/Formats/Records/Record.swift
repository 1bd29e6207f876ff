/// What a parser made of one input line.
public enum Record: Sendable, Equatable {
  case log(LogEvent)
  /// A line that belongs to the previous event (a stack trace, a wrapped message).
  case continuation
  case request(AccessRecord)
  case sample(MetricSample)
  /// A processlist table or block that just ended.
  case snapshot(ProcesslistSnapshot)
  /// A database diagnostic that just ended: a slow-log entry, an InnoDB monitor report, lock-wait rows.
  /// Boxed, so that every other record (a log line, a sample) stays as small to return as before.
  indirect case database(DatabaseRecord)
  /// A structural line that carries no data: a header, a border, a comment, a blank line.
  case structure
  /// A line the format could not parse; counted as skipped, with a reason for the data-quality report.
  case malformed(reason: String)
}
