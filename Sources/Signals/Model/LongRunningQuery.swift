import Formats

/// A statement that had been running a long time when a processlist snapshot was taken: slow-query evidence
/// and the id a `KILL` would name.
public struct LongRunningQuery: Sendable, Equatable {
  public var id: Int64
  public var user: String
  /// Client host, port stripped.
  public var host: String
  public var command: String
  public var state: String?
  /// The longest `Time` any snapshot showed for this statement.
  public var seconds: Int
  /// The statement, whitespace collapsed and cut to `infoLimit` characters; nil when the client showed none.
  public var info: String?
  /// Where the longest sighting was printed.
  public var path: String
  public var line: Int
  public var milliseconds: Int64

  /// Enough of a statement to recognise it; a report is no place for a 10 MB `INSERT`.
  static let infoLimit = 120

  /// Connections that are not client statements: replication, the event scheduler, server threads, and
  /// `Sleep`, which holds a connection but runs nothing.
  private static let idleCommands: Set<String> = [
    "Sleep", "Daemon", "Binlog Dump", "Binlog Dump GTID", "Connect", "Killed", "Register Slave",
    "Slave_IO", "Slave_SQL", "Slave_worker",
  ]
  private static let serverUsers: Set<String> = ["system user", "event_scheduler", "unauthenticated user"]

  /// The row as a long-running statement, or nil when it runs nothing a client asked for.
  init?(_ row: ProcesslistRow, path: String, line: Int, milliseconds: Int64) {
    guard !Self.idleCommands.contains(row.command), !Self.serverUsers.contains(row.user) else { return nil }
    id = row.id
    user = row.user
    host = ProcesslistEvidence.stripPort(row.host)
    command = row.command
    state = row.state.flatMap { $0.isEmpty ? nil : $0 }
    seconds = row.seconds
    info = row.info.map(Self.abbreviate)
    self.path = path
    self.line = line
    self.milliseconds = milliseconds
  }

  /// Longer first; among equals the lower id, then the earlier sighting, so the ranking is deterministic.
  func outranks(_ other: LongRunningQuery) -> Bool {
    (other.seconds, id, milliseconds) < (seconds, other.id, other.milliseconds)
  }

  /// One line of at most `infoLimit` characters: newlines and runs of blanks become one space. Walks the
  /// UTF-8 bytes and stops at the limit, so a 10 MB statement costs no more than a short one.
  static func abbreviate(_ statement: String) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(infoLimit + 8)
    var characters = 0
    var blank = false
    for byte in statement.utf8 {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        blank = !text.isEmpty
        continue
      }
      let startsCharacter = byte & 0xC0 != 0x80
      if startsCharacter {
        if characters + (blank ? 1 : 0) >= infoLimit {
          return String(decoding: text, as: UTF8.self) + "…"
        }
        if blank {
          text.append(0x20)
          characters += 1
          blank = false
        }
        characters += 1
      }
      text.append(byte)
    }
    return String(decoding: text, as: UTF8.self)
  }
}
