/// What a database's own diagnostics say, beyond connections and counters: a slow-log entry, an InnoDB monitor
/// report, the lock waits of an `information_schema` / `sys` query.
public enum DatabaseRecord: Sendable, Equatable {
  case slowQuery(SlowQuery)
  case innodbStatus(InnoDBStatus)
  case lockWaits(LockWaitSnapshot)

  /// When the record's evidence was true.
  public var time: Timestamp {
    switch self {
    case .slowQuery(let query): query.time
    case .innodbStatus(let status): status.time
    case .lockWaits(let snapshot): snapshot.time
    }
  }
}

/// One statement of the slow query log, fingerprinted.
public struct SlowQuery: Sendable, Equatable {
  /// `# Time:` when it names its zone, else `SET timestamp=`, else `# Time:` in `--tz`.
  public var time: Timestamp
  /// The entry's first line, for citations.
  public var line: Int
  /// The account as `# User@Host:` names it (`shipping`, `[SQL_SLAVE]`).
  public var user: String
  /// The client host, or its address when the server logged no name.
  public var host: String
  public var database: String?
  /// Seconds.
  public var queryTime: Double
  public var lockTime: Double
  public var rowsSent: Int64
  public var rowsExamined: Int64
  /// The hash of the statement's fingerprint (`QueryFingerprint`): the class entries are counted in.
  public var fingerprint: UInt64
  /// The fingerprint's text and the statement as logged, on the first entry of each class in a source only:
  /// later entries carry the hash alone, so a 10 GB log makes no string per line.
  public var firstSight: SlowQueryClass?

  public init(
    time: Timestamp, line: Int, user: String, host: String, database: String?, queryTime: Double,
    lockTime: Double, rowsSent: Int64, rowsExamined: Int64, fingerprint: UInt64, firstSight: SlowQueryClass?
  ) {
    self.time = time
    self.line = line
    self.user = user
    self.host = host
    self.database = database
    self.queryTime = queryTime
    self.lockTime = lockTime
    self.rowsSent = rowsSent
    self.rowsExamined = rowsExamined
    self.fingerprint = fingerprint
    self.firstSight = firstSight
  }
}

/// A fingerprint's text with one statement of it, as first seen.
public struct SlowQueryClass: Sendable, Equatable {
  public var fingerprint: String
  /// The statement, whitespace collapsed and cut to 200 characters.
  public var example: String

  public init(fingerprint: String, example: String) {
    self.fingerprint = fingerprint
    self.example = example
  }
}
