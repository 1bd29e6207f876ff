/// One `SHOW [FULL] PROCESSLIST` result, with the time it was taken.
public struct ProcesslistSnapshot: Sendable, Equatable {
  public var time: Timestamp
  /// The line where the snapshot's table starts, for citations.
  public var line: Int
  public var rows: [ProcesslistRow]

  public init(time: Timestamp, line: Int, rows: [ProcesslistRow]) {
    self.time = time
    self.line = line
    self.rows = rows
  }
}

/// One connection in a processlist snapshot.
public struct ProcesslistRow: Sendable, Equatable {
  public var id: Int64
  public var user: String
  /// `host:port` as printed; signals strip the port.
  public var host: String
  public var database: String?
  /// `Sleep`, `Query`, `Connect`, `Binlog Dump`…
  public var command: String
  /// Seconds in the current state (for `Sleep`: idle time).
  public var seconds: Int
  public var state: String?
  public var info: String?

  public init(
    id: Int64, user: String, host: String, database: String?, command: String, seconds: Int,
    state: String?, info: String?
  ) {
    self.id = id
    self.user = user
    self.host = host
    self.database = database
    self.command = command
    self.seconds = seconds
    self.state = state
    self.info = info
  }
}
