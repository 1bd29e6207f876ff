/// How clients report that MySQL refused a connection because `max_connections` was reached (error 1040).
///
/// Community MySQL does not log `Too many connections` itself: besides `Connection_errors_max_connections`,
/// the clients' own logs are the evidence. The forms are the ones the drivers print (see FORMATS.md): the
/// `mysql` CLI, Connector/J 5 and 8 (also through Hibernate), PHP PDO, Python.
enum ConnectionRefusal {
  private static let phrases = [
    "Too many connections",
    "ERROR 1040",
    "[1040]",
    "(1040,",
    "SQL Error: 1040",
    "Data source rejected establishment of connection",
  ]

  /// Whether a log line says the server refused a connection for lack of room. Read once per log template
  /// (on its first example), never per line.
  static func matches(_ line: String) -> Bool {
    phrases.contains { line.contains($0) }
  }
}
