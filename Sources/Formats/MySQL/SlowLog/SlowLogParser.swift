#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The MySQL, Percona Server and MariaDB slow query log, one `SlowQuery` per entry:
///
/// ```
/// # Time: 2016-07-20T18:13:25.698433Z            (5.7+; 5.6/MariaDB: `# Time: 231129  2:15:13`, local)
/// # User@Host: root[root] @ localhost [127.0.0.1]  Id:     3
/// # Thread_id: 8  Schema: shop  QC_hit: No      (MariaDB / Percona extras, any number of `# Key: value` lines)
/// # Query_time: 0.003464  Lock_time: 0.000324 Rows_sent: 1000  Rows_examined: 2000
/// use shop;
/// SET timestamp=1469038405;
/// SELECT * FROM facturas
///   WHERE id = 7;                                (statements span lines)
/// ```
///
/// An entry ends where pt-query-digest's does: at a `#` line right after a line ending in `;` (or at a server
/// start-up banner). Its time is `# Time:` when that names a zone, else `SET timestamp=` (epoch), else `# Time:`
/// read in `--tz`; 5.1-style logs write `# Time:` only when the second changes, so an entry without one takes
/// the time before it. The statement is fingerprinted as it ends, into reused buffers.
public struct SlowLogParser: LineParser {
  public static let format = Format.mysqlSlowLog
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone

  private var entry = Entry()
  private var statement: [UInt8] = []
  private var fingerprint = QueryFingerprint()
  private var seen = Set<UInt64>()
  private var lastTime: Timestamp?
  private var lastLineEndedStatement = false
  private var users = NameCache()
  private var hosts = NameCache()

  /// The headers of the entry being read.
  private struct Entry {
    var line = 0
    var started = false
    var inStatement = false
    var zonedTime: Timestamp?
    var localTime: Timestamp?
    var epoch: Timestamp?
    var user: String = ""
    var host: String = ""
    var database: String?
    var queryTime = 0.0
    var lockTime = 0.0
    var rowsSent: Int64 = 0
    var rowsExamined: Int64 = 0
  }

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
    statement.reserveCapacity(4096)
  }

  /// An entry's own header lines vouch for a slow log; `# Time:` alone does not, as a file of nothing but
  /// time lines holds no statement to read (it is read as time-stamped text instead).
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    line.matches("# User@Host: ", at: 0) || line.matches("# Query_time: ", at: 0)
      || line.matches("SET timestamp=", at: 0)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let first = line.first else {
      if entry.inStatement { appendStatement(line) }
      return .structure
    }
    if entry.inStatement {
      let boundary = (first == 0x23 && lastLineEndedStatement) || Self.isServerBanner(line)
      guard boundary else {
        appendStatement(line)
        return .structure
      }
      let ended = end()
      startHeader(line, number: number)
      return ended
    }
    startHeader(line, number: number)
    return .structure
  }

  public mutating func finish() -> Record? {
    guard entry.started else { return nil }
    let ended = end()
    return ended == .structure ? nil : ended
  }

  // MARK: Header lines

  /// A line before the entry's statement: a `# Key: value` header, `use db;`, `SET timestamp=…;`, a
  /// banner, or the statement's first line.
  private mutating func startHeader(_ line: UnsafeRawBufferPointer, number: Int) {
    if Self.isServerBanner(line) { return }
    if !entry.started {
      entry.started = true
      entry.line = number
    }
    let first = line[0]
    if first == 0x23 {
      header(line)
      return
    }
    if first == 0x53 || first == 0x73, line.equalsIgnoringCase(0..<min(4, line.count), "set ") {
      if line.matches("SET timestamp=", at: 0) || line.matches("SET TIMESTAMP=", at: 0) {
        if let seconds = line.unsignedInteger(at: 14) {
          entry.epoch = Timestamp(milliseconds: seconds.value * 1000)
        }
        return
      }
      if line.matches("SET last_insert_id=", at: 0) || line.matches("SET insert_id=", at: 0) { return }
    }
    if first == 0x75, line.matches("use ", at: 0) {
      var end = line.count
      while end > 4, line[end - 1] == 0x3B || line[end - 1] == ASCII.space || line[end - 1] == 0x0D {
        end -= 1
      }
      entry.database = String(decoding: UnsafeRawBufferPointer(rebasing: line[4..<end]), as: UTF8.self)
      return
    }
    entry.inStatement = true
    statement.removeAll(keepingCapacity: true)
    appendStatement(line)
  }

  private mutating func header(_ line: UnsafeRawBufferPointer) {
    if line.matches("# Time: ", at: 0) {
      readTime(line, from: 8)
    } else if line.matches("# User@Host: ", at: 0) {
      readAccount(line, from: 13)
    } else if line.matches("# administrator command: ", at: 0) {
      entry.inStatement = true
      statement.removeAll(keepingCapacity: true)
      appendStatement(UnsafeRawBufferPointer(rebasing: line[2...]))
    } else {
      readFields(line)
    }
  }

  /// `2016-07-20T18:13:25.698433Z` (any zone or none) or the old `071218 11:48:27` / MariaDB's
  /// `231129  2:15:13`, both local. A 5.1-style line may go on with `# User@Host:`.
  private mutating func readTime(_ line: UnsafeRawBufferPointer, from start: Int) {
    if let scanned = TimestampScanner.dateTime(in: line, at: start, localOffsetSeconds: localOffsetSeconds) {
      if scanned.hasZone { entry.zonedTime = scanned.timestamp } else { entry.localTime = scanned.timestamp }
    } else if let date = line.fixedDigits(at: start, width: 6), line.byte(at: start + 6) == ASCII.space {
      var index = start + 7
      while line.byte(at: index) == ASCII.space { index += 1 }
      let year = 2000 + date / 10000
      let month = date / 100 % 100
      let day = date % 100
      if let hour = line.unsignedInteger(at: index), hour.end - index <= 2,
        line.byte(at: hour.end) == ASCII.colon,
        let minute = line.fixedDigits(at: hour.end + 1, width: 2), line.byte(at: hour.end + 3) == ASCII.colon,
        let second = line.fixedDigits(at: hour.end + 4, width: 2), (1...12).contains(month),
        (1...31).contains(day),
        hour.value < 24, minute < 60, second <= 60
      {
        let days = Int64(CivilCalendar.days(year: year, month: month, day: day))
        let local: Int64 = days * 86_400 + hour.value * 3600 + Int64(minute * 60 + second)
        let seconds = local - Int64(localOffsetSeconds.offset(forLocal: local))
        entry.localTime = Timestamp(milliseconds: seconds * 1000)
        if let user = line.index(of: 0x23, from: hour.end + 6), line.matches("# User@Host: ", at: user) {
          readAccount(line, from: user + 13)
        }
      }
    }
  }

  /// `root[root] @ localhost [127.0.0.1]  Id: 3`: the user before `[` (or a bracketed name such as
  /// `[SQL_SLAVE]`), the host after `@`, else the address in brackets.
  private mutating func readAccount(_ line: UnsafeRawBufferPointer, from start: Int) {
    var index = start
    if line.byte(at: index) == ASCII.openBracket {
      index = (line.index(of: ASCII.closeBracket, from: index) ?? line.count - 1) + 1
    } else {
      while index < line.count, line[index] != ASCII.openBracket, line[index] != ASCII.space { index += 1 }
    }
    entry.user = users.name(UnsafeRawBufferPointer(rebasing: line[start..<index]))
    guard let at = line.index(of: 0x40, from: index) else { return }
    var hostStart = at + 1
    while line.byte(at: hostStart) == ASCII.space { hostStart += 1 }
    var hostEnd = hostStart
    while hostEnd < line.count, line[hostEnd] != ASCII.space, line[hostEnd] != ASCII.openBracket {
      hostEnd += 1
    }
    if hostEnd > hostStart {
      entry.host = hosts.name(UnsafeRawBufferPointer(rebasing: line[hostStart..<hostEnd]))
    } else if let open = line.index(of: ASCII.openBracket, from: hostEnd),
      let close = line.index(of: ASCII.closeBracket, from: open)
    {
      entry.host = hosts.name(UnsafeRawBufferPointer(rebasing: line[(open + 1)..<close]))
    }
  }

  /// `# Query_time: 0.003  Lock_time: 0.000 Rows_sent: 1  Rows_examined: 2` and the other `Key: value`
  /// headers (Percona's and MariaDB's extras, MySQL 8's `log_slow_extra`): the four counters and the schema.
  private mutating func readFields(_ line: UnsafeRawBufferPointer) {
    var index = 1
    while index < line.count {
      while index < line.count, line[index] == ASCII.space { index += 1 }
      let name = index
      while index < line.count, line[index] != ASCII.colon, line[index] != ASCII.space { index += 1 }
      guard index < line.count, line[index] == ASCII.colon else { continue }
      let nameEnd = index
      index += 1
      while index < line.count, line[index] == ASCII.space { index += 1 }
      let value = index
      while index < line.count, line[index] != ASCII.space { index += 1 }
      switch nameEnd - name {
      case 10 where line.matches("Query_time", at: name):
        entry.queryTime = line.decimal(at: value)?.value ?? 0
      case 9 where line.matches("Lock_time", at: name):
        entry.lockTime = line.decimal(at: value)?.value ?? 0
      case 9 where line.matches("Rows_sent", at: name):
        entry.rowsSent = line.unsignedInteger(at: value)?.value ?? 0
      case 13 where line.matches("Rows_examined", at: name):
        entry.rowsExamined = line.unsignedInteger(at: value)?.value ?? 0
      case 6 where line.matches("Schema", at: name):
        if index > value, line[index - 1] != ASCII.colon {
          entry.database = String(
            decoding: UnsafeRawBufferPointer(rebasing: line[value..<index]), as: UTF8.self)
        }
      default:
        break
      }
    }
  }

  // MARK: Statements

  private mutating func appendStatement(_ line: UnsafeRawBufferPointer) {
    if !statement.isEmpty { statement.append(0x0A) }
    statement.append(contentsOf: line.assumingMemoryBound(to: UInt8.self))
    var last = line.count - 1
    while last >= 0, line[last] == ASCII.space || line[last] == 0x0D || line[last] == ASCII.tab { last -= 1 }
    lastLineEndedStatement = last >= 0 && line[last] == 0x3B
  }

  /// Ends the entry being read: its record, or why it has none.
  private mutating func end() -> Record {
    let ended = entry
    entry = Entry()
    lastLineEndedStatement = false
    guard ended.inStatement else { return .structure }
    var length = statement.count
    while length > 0, statement[length - 1] == 0x0A || statement[length - 1] == ASCII.space { length -= 1 }
    if length > 0, statement[length - 1] == 0x3B { length -= 1 }
    let time: Timestamp
    if let zoned = ended.zonedTime {
      time = zoned
    } else if let epoch = ended.epoch {
      time = epoch
    } else if let local = ended.localTime {
      time = local
      assumedZone = true
    } else if let last = lastTime {
      time = last
    } else {
      return .malformed(
        reason: "line \(ended.line): slow-log entry with no # Time: or SET timestamp= before it; skipped")
    }
    lastTime = time
    let (hash, firstSight) = statement.withUnsafeBytes { bytes in
      let text = UnsafeRawBufferPointer(rebasing: bytes[0..<length])
      let hash = fingerprint.make(text)
      guard seen.insert(hash).inserted else { return (hash, SlowQueryClass?.none) }
      return (
        hash,
        SlowQueryClass(
          fingerprint: String(decoding: fingerprint.bytes, as: UTF8.self), example: Self.abbreviate(text))
      )
    }
    return .database(
      .slowQuery(
        SlowQuery(
          time: time, line: ended.line, user: ended.user, host: ended.host, database: ended.database,
          queryTime: ended.queryTime, lockTime: ended.lockTime, rowsSent: ended.rowsSent,
          rowsExamined: ended.rowsExamined, fingerprint: hash, firstSight: firstSight)))
  }

  /// A statement on one line of at most 200 characters, for the report.
  static func abbreviate(_ statement: UnsafeRawBufferPointer) -> String {
    var text: [UInt8] = []
    var blank = false
    for byte in statement {
      if byte == ASCII.space || byte == 0x0A || byte == ASCII.tab || byte == 0x0D {
        blank = !text.isEmpty
        continue
      }
      if text.count >= 200 { return String(decoding: text, as: UTF8.self) + "…" }
      if blank {
        text.append(ASCII.space)
        blank = false
      }
      text.append(byte)
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The lines a server writes at the top of a new slow log (also mid-file, after a restart):
  /// `/usr/sbin/mysqld, Version: 5.7.12 (…). started with:` (MariaDB's `mariadbd, Version: …`), `Tcp port: …`,
  /// and `Time  Id Command  Argument` (blanks or tabs).
  private static func isServerBanner(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let first = line.first, first != 0x23 else { return false }
    if line.matches("Tcp port: ", at: 0) || line.matches("TCP Port: ", at: 0) { return true }
    if line.matches("Time", at: 0), let gap = line.byte(at: 4), ASCII.isBlank(gap) {
      let rest = line.skippingBlanks(from: 4)
      if line.matches("Id", at: rest) { return true }
    }
    // The suffix first: a statement line costs two comparisons, not a search.
    var end = line.count
    while end > 0, line[end - 1] == ASCII.space || line[end - 1] == 0x0D { end -= 1 }
    let ends =
      (end >= 13 && line.matches("started with:", at: end - 13))
      || (end >= 16 && line.matches("embedded library", at: end - 16))
    return ends && ByteLiterals.contains(line, ", Version: ")
  }
}

/// Names read from lines, kept as strings once: the same few accounts and hosts repeat on most entries, so the
/// latest distinct ones are compared byte for byte (no hashing per entry); a name not among them is made anew.
struct NameCache {
  static let capacity = 16
  private var bytes: [[UInt8]] = []
  private var names: [String] = []
  private var next = 0

  mutating func name(_ candidate: UnsafeRawBufferPointer) -> String {
    for index in bytes.indices where bytes[index].count == candidate.count {
      let equal = bytes[index].withUnsafeBytes { known in
        guard let mine = known.baseAddress, let theirs = candidate.baseAddress else { return true }
        return memcmp(mine, theirs, candidate.count) == 0
      }
      if equal { return names[index] }
    }
    let name = String(decoding: candidate, as: UTF8.self)
    if bytes.count < Self.capacity {
      bytes.append(Array(candidate))
      names.append(name)
    } else {
      bytes[next] = Array(candidate)
      names[next] = name
      next = (next + 1) % Self.capacity
    }
    return name
  }
}
