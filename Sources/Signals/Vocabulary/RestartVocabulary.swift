/// How a database's own log says it stopped, started, or recovered from a crash: each a restart, the change a
/// "database unavailable" incident starts with. Rows carry the MySQL 5.7 / 8.0 and MariaDB lines they match;
/// phrases are read once per log template, never per line.
enum RestartVocabulary {
  enum Event: String, CaseIterable, Sendable {
    case shutdown, startup, crashRecovery
  }

  struct Row: Sendable {
    var event: Event
    var phrases: [String]
    var examples: [String]
  }

  static let rows: [Row] = [
    Row(
      event: .shutdown,
      phrases: ["Normal shutdown", "Shutdown complete", "Received SHUTDOWN from user", "mysqld got signal"],
      examples: [
        "2026-11-29  7:16:59 0 [Note] /usr/sbin/mariadbd (initiated by: root[root] @ localhost []): Normal shutdown",
        "2026-11-29T07:17:01.123456Z 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete "
          + "(mysqld 8.0.35)  MySQL Community Server - GPL.",
        "2026-11-29T07:16:59.000001Z 5 [System] [MY-013172] [Server] Received SHUTDOWN from user root. "
          + "Shutting down mysqld (Version: 8.0.35).",
        "07:16:59 UTC - mysqld got signal 11 ;",
      ]),
    Row(
      event: .startup,
      phrases: ["ready for connections", "starting as process", "Starting MariaDB", "mysqld_safe Starting"],
      examples: [
        "2026-11-29  7:17:03 0 [Note] /usr/sbin/mariadbd: ready for connections.",
        "2016-12-09T12:08:33.336610Z 0 [Note] /usr/local/Cellar/mysql/5.7.10/bin/mysqld (mysqld 5.7.10) starting "
          + "as process 61571 ...",
        "2026-11-29  7:17:02 0 [Note] Starting MariaDB 10.11.6-MariaDB-0+deb12u1 source revision  as process 4242",
        "161209 13:08:33 mysqld_safe Starting mysqld daemon with databases from /usr/local/var/mysql",
      ]),
    Row(
      event: .crashRecovery,
      phrases: ["crash recovery", "was not shutdown normally"],
      examples: [
        "2026-11-29  7:17:02 0 [Note] InnoDB: Starting crash recovery from checkpoint LSN=47142",
        "2026-11-29T07:17:02.000000Z 0 [Note] InnoDB: Database was not shutdown normally!",
      ]),
  ]

  static func rows(matching line: String) -> [Row] {
    rows.filter { row in row.phrases.contains { line.contains($0) } }
  }

  /// What a log line says about the server's life, if anything: the first row that matches.
  static func event(in line: String) -> Row? {
    rows.first { row in row.phrases.contains { line.contains($0) } }
  }
}
