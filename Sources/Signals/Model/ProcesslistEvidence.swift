import Formats

/// Who holds the connections in one processlist snapshot: the report's "top offenders".
public struct ProcesslistEvidence: Sendable, Equatable {
  public struct UserConnections: Sendable, Equatable {
    public var user: String
    /// Client hosts with the port stripped, sorted.
    public var hosts: [String]
    public var connections: Int
    public var sleeping: Int
    public var oldestIdleSeconds: Int
    /// Ids of the longest-idle connections, oldest first: what a `KILL` would name.
    public var idlestIds: [Int64]
  }

  public var path: String
  public var line: Int
  public var milliseconds: Int64
  public var total: Int
  /// Users by connection count, largest first.
  public var users: [UserConnections]

  static let idsPerUser = 5

  init(snapshot: ProcesslistSnapshot, path: String) {
    self.path = path
    line = snapshot.line
    milliseconds = snapshot.time.milliseconds
    total = snapshot.rows.count
    var byUser: [String: [ProcesslistRow]] = [:]
    for row in snapshot.rows { byUser[row.user, default: []].append(row) }
    users = byUser.map { user, rows in
      let sleeping = rows.filter { $0.command == "Sleep" }.sorted {
        ($0.seconds, $1.id) > ($1.seconds, $0.id)
      }
      let hosts = Set(rows.map { Self.stripPort($0.host) }).sorted()
      return UserConnections(
        user: user, hosts: hosts, connections: rows.count, sleeping: sleeping.count,
        oldestIdleSeconds: sleeping.first?.seconds ?? 0, idlestIds: sleeping.prefix(Self.idsPerUser).map(\.id)
      )
    }
    .sorted { ($0.connections, $1.user) > ($1.connections, $0.user) }
  }

  func isFuller(than other: ProcesslistEvidence) -> Bool {
    (total, milliseconds) > (other.total, other.milliseconds)
  }

  /// `10.0.3.7:51234` → `10.0.3.7`; `[::1]:3306` → `[::1]`; `localhost` unchanged. On bytes: it runs for
  /// every row of every snapshot.
  static func stripPort(_ host: String) -> String {
    let bytes = host.utf8
    guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return host }
    let tail = bytes[bytes.index(after: colon)...]
    guard !tail.isEmpty, tail.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return host }
    let head = bytes[..<colon]
    if head.contains(UInt8(ascii: ":")) && head.last != UInt8(ascii: "]") { return host }
    return String(Substring(head))
  }
}
