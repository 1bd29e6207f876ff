/// A processlist field, named the same way by a table or `-B` header cell and by a `\G` label.
///
/// Names match in any letter case: `SHOW PROCESSLIST` writes `Id`, `db`; `information_schema.processlist` and
/// MySQL 8's `performance_schema.processlist` write `ID`, `DB`; `performance_schema.threads` (the only
/// per-connection table on 5.7 and RDS) prefixes them, `PROCESSLIST_ID`, `PROCESSLIST_USER`. MariaDB and
/// Percona add `TIME_MS`, read when no `Time` is selected.
enum ProcesslistField: Int, CaseIterable {
  case id, user, host, database, command, time, timeMilliseconds, state, info

  /// The fields without which a row is not a connection one can count; `Time` may come as `TIME_MS`.
  static let required: [ProcesslistField] = [.id, .user, .host, .command]

  /// The field that `range` of `bytes` names; nil for any other column (`Progress`, `Rows_sent`, `THREAD_ID`).
  init?(named bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
    var name = range
    let prefix: StaticString = "processlist_"
    if name.count > prefix.utf8CodeUnitCount,
      bytes.equalsIgnoringCase(name.lowerBound..<(name.lowerBound + prefix.utf8CodeUnitCount), prefix)
    {
      name = (name.lowerBound + prefix.utf8CodeUnitCount)..<name.upperBound
    }
    func named(_ lowercase: StaticString) -> Bool { bytes.equalsIgnoringCase(name, lowercase) }
    // By length first: a `\G` capture asks this of every line.
    let field: ProcesslistField? =
      switch name.count {
      case 2: named("id") ? .id : named("db") ? .database : nil
      case 4:
        named("user") ? .user : named("host") ? .host : named("time") ? .time : named("info") ? .info : nil
      case 5: named("state") ? .state : nil
      case 7: named("command") ? .command : named("time_ms") ? .timeMilliseconds : nil
      default: nil
      }
    guard let field else { return nil }
    self = field
  }

  /// The name as `SHOW PROCESSLIST` prints it, for messages.
  var name: String {
    switch self {
    case .id: "Id"
    case .user: "User"
    case .host: "Host"
    case .database: "db"
    case .command: "Command"
    case .time: "Time"
    case .timeMilliseconds: "TIME_MS"
    case .state: "State"
    case .info: "Info"
    }
  }

  /// Whether the value is free text, which a `\G` block may continue over several lines.
  var isText: Bool {
    switch self {
    case .id, .time, .timeMilliseconds: false
    case .user, .host, .database, .command, .state, .info: true
    }
  }
}
