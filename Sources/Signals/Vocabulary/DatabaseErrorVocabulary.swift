/// How clients report what their database did to them: refused a connection, hit a per-user limit, timed out
/// a lock wait, chose them as a deadlock victim, could not be reached, dropped the connection, killed a
/// statement at its time limit; and how their pools say no connection was free. Each row names the event, the
/// phrases that say it (every part of one phrase must appear), and real lines from the drivers: the `mysql` /
/// `mariadb` client, Connector/J and HikariCP (also through Hibernate), PHP PDO, PyMySQL / mysqlclient,
/// mysql-connector-python, Go's go-sql-driver/mysql, node's mysql2, and SQLAlchemy's wrapping of them.
///
/// Phrases are read once per log template (on its first example), never per line. Community MySQL does not log
/// `Too many connections` itself (FORMATS.md), so these lines are the evidence of a full server too.
enum DatabaseErrorVocabulary {
  enum Event: String, CaseIterable, Sendable {
    case refused, userLimit, lockWaitTimeout, deadlock, cannotConnect, connectionLost, statementTimeout
    case poolTimeout

    var kind: SignalKind {
      switch self {
      case .refused, .userLimit: .dbConnectionErrors
      case .lockWaitTimeout: .dbLockWaitTimeouts
      case .deadlock: .dbDeadlocks
      case .cannotConnect, .connectionLost: .dbUnreachable
      case .statementTimeout: .dbStatementTimeouts
      case .poolTimeout: .poolTimeouts
      }
    }
  }

  struct Row: Sendable {
    var event: Event
    /// The server's error codes the row covers, for names and reports.
    var codes: String
    /// Each phrase is a list of parts that must all appear.
    var phrases: [[String]]
    var examples: [String]
  }

  static let rows: [Row] = [
    Row(
      event: .refused, codes: "1040 Too many connections",
      phrases: [
        ["Too many connections"], ["Data source rejected establishment of connection"], ["SQL Error: 1040"],
        ["ER_CON_COUNT_ERROR"],
      ],
      examples: [
        "ERROR 1040 (HY000): Too many connections",
        "com.mysql.cj.jdbc.exceptions.MySQLNonTransientConnectionException: Data source rejected establishment of "
          + "connection,  message from server: \"Too many connections\"",
        "WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 1040, SQLState: 08004",
        "[2026-11-27 03:04:11] app.ERROR: Database error SQLSTATE[HY000] [1040] Too many connections [] []",
        "sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1040, 'Too many connections')",
        "Error 1040 (08004): Too many connections",
        "Error: Too many connections code: 'ER_CON_COUNT_ERROR', errno: 1040",
      ]),
    Row(
      event: .userLimit, codes: "1203/1226",
      phrases: [
        ["max_user_connections"], ["ER_TOO_MANY_USER_CONNECTIONS"], ["ER_USER_LIMIT_REACHED"],
        ["SQL Error: 1203"],
        ["SQL Error: 1226"],
      ],
      examples: [
        "ERROR 1203 (42000): User shipping already has more than 'max_user_connections' active connections",
        "pymysql.err.OperationalError: (1226, \"User 'report' has exceeded the 'max_user_connections' resource "
          + "(current value: 10)\")",
        "WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 1226, SQLState: 42000",
      ]),
    Row(
      event: .lockWaitTimeout, codes: "1205",
      phrases: [["Lock wait timeout exceeded"], ["ER_LOCK_WAIT_TIMEOUT"], ["SQL Error: 1205"]],
      examples: [
        "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
        "com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException: Lock wait timeout exceeded; try "
          + "restarting transaction",
        "PDOException: SQLSTATE[HY000]: General error: 1205 Lock wait timeout exceeded; try restarting transaction",
        "mysql.connector.errors.DatabaseError: 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
        "WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 1205, SQLState: 40001",
      ]),
    Row(
      event: .deadlock, codes: "1213",
      phrases: [["Deadlock found when trying to get lock"], ["ER_LOCK_DEADLOCK"], ["SQL Error: 1213"]],
      examples: [
        "ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting transaction",
        "sqlalchemy.exc.OperationalError: (MySQLdb.OperationalError) (1213, 'Deadlock found when trying to get "
          + "lock; try restarting transaction')",
        "Error: Deadlock found when trying to get lock; try restarting transaction code: 'ER_LOCK_DEADLOCK'",
      ]),
    Row(
      event: .cannotConnect, codes: "2002/2003",
      phrases: [
        ["Can't connect to MySQL server"], ["Can't connect to local MySQL server"],
        ["Can't connect to server on"],
        ["Can't connect to local server"], ["SQLSTATE[HY000] [2002]"], ["SQLSTATE[HY000] [2003]"],
        ["Communications link failure"], [":3306: connect: connection refused"], ["ECONNREFUSED", ":3306"],
      ],
      examples: [
        "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)",
        "ERROR 2003 (HY000): Can't connect to MySQL server on 'db' (111)",
        "[2026-11-27 03:04:11] app.ERROR: Database error SQLSTATE[HY000] [2002] Connection refused [] []",
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
        "[mysql] dial tcp 10.0.0.5:3306: connect: connection refused",
        "Error: connect ECONNREFUSED 10.0.0.5:3306",
      ]),
    Row(
      event: .connectionLost, codes: "2006/2013",
      phrases: [
        ["server has gone away"], ["Server has gone away"], ["Lost connection to MySQL server"],
        ["Lost connection to server"], ["PROTOCOL_CONNECTION_LOST"],
        ["No operations allowed after connection closed"],
      ],
      examples: [
        "ERROR 2006 (HY000): MySQL server has gone away",
        "ERROR 2013 (HY000): Lost connection to server during query",
        "pymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')",
        "Error: Connection lost: The server closed the connection. code: 'PROTOCOL_CONNECTION_LOST'",
        "java.sql.SQLNonTransientConnectionException: No operations allowed after connection closed.",
      ]),
    Row(
      event: .statementTimeout, codes: "3024/1969",
      phrases: [
        ["maximum statement execution time exceeded"], ["max_statement_time exceeded"], ["ER_QUERY_TIMEOUT"],
        ["Statement cancelled due to timeout or client request"],
      ],
      examples: [
        "ERROR 3024 (HY000): Query execution was interrupted, maximum statement execution time exceeded",
        "ERROR 1969 (70100): Query execution was interrupted (max_statement_time exceeded)",
        "com.mysql.cj.jdbc.exceptions.MySQLTimeoutException: Statement cancelled due to timeout or client request",
      ]),
    Row(
      event: .poolTimeout, codes: "pool",
      phrases: [
        ["Connection is not available, request timed out after"], ["QueuePool limit of size"],
        ["driver: bad connection"], ["Pool empty. Unable to fetch a connection"],
      ],
      examples: [
        "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
        "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, "
          + "timeout 30.00",
        "[mysql] 2026/11/27 03:04:11 packets.go:122: driver: bad connection",
        "org.apache.tomcat.jdbc.pool.PoolExhaustedException: Timeout: Pool empty. Unable to fetch a connection in "
          + "30 seconds, none available[size:100; busy:100; idle:0; lastwait:30000].",
      ]),
  ]

  /// The rows whose phrases `line` contains, in table order.
  static func rows(matching line: String) -> [Row] {
    rows.filter { row in row.phrases.contains { parts in parts.allSatisfy { line.contains($0) } } }
  }

  /// The event a log line reports, if any: the first row that matches.
  static func event(in line: String) -> Row? {
    rows.first { row in row.phrases.contains { parts in parts.allSatisfy { line.contains($0) } } }
  }
}
