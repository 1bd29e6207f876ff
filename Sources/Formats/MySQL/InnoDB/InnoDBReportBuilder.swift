/// One InnoDB monitor report read line by line: the section a line is in decides what it means.
struct InnoDBReportBuilder {
  enum Section {
    case other, semaphores, deadlock, transactions
  }

  let line: Int
  let localOffsetSeconds: LocalZone
  var headerTime: Timestamp?
  private var section = Section.other
  private var transactions: [InnoDBTransaction] = []
  private var deadlockTransactions: [InnoDBTransaction] = []
  private var deadlockTime: Timestamp?
  private var victim: Int?
  private var historyListLength: Int64?
  private var semaphoreWaits = 0
  private var longestSemaphoreWait = 0.0
  /// The transaction whose lines are being read, and whether its statement lines may follow.
  private var current: InnoDBTransaction?
  private var readingStatement = false
  private var statement: [UInt8] = []

  init(line: Int, localOffsetSeconds: LocalZone) {
    self.line = line
    self.localOffsetSeconds = localOffsetSeconds
  }

  mutating func add(_ line: UnsafeRawBufferPointer, number: Int) {
    if let next = Self.section(line) {
      closeTransaction()
      section = next
      return
    }
    switch section {
    case .other:
      break
    case .semaphores:
      // `--Thread 140 has waited at row0lock.cc line 123 for 241.00 seconds the semaphore:`
      if line.matches("--Thread ", at: 0), let range = Self.find(line, " for ") {
        semaphoreWaits += 1
        longestSemaphoreWait = max(longestSemaphoreWait, line.decimal(at: range.upperBound)?.value ?? 0)
      }
    case .deadlock:
      deadlockLine(line, number: number)
    case .transactions:
      if line.matches("History list length ", at: 0) {
        historyListLength = line.unsignedInteger(at: 20)?.value
      } else if line.matches("---TRANSACTION ", at: 0) {
        closeTransaction()
        current = Self.transaction(line, from: 15, number: number)
      } else {
        transactionLine(line)
      }
    }
  }

  private mutating func deadlockLine(_ line: UnsafeRawBufferPointer, number: Int) {
    if deadlockTime == nil, let time = Self.monitorTime(line, localOffsetSeconds: localOffsetSeconds) {
      deadlockTime = time
    } else if line.matches("TRANSACTION ", at: 0) {
      closeTransaction()
      current = Self.transaction(line, from: 12, number: number)
    } else if line.matches("*** WE ROLL BACK TRANSACTION (", at: 0) {
      closeTransaction()
      victim = line.unsignedInteger(at: 30).map { Int($0.value) }
    } else if line.matches("*** (", at: 0) {
      readingStatement = false
    } else {
      transactionLine(line)
    }
  }

  /// A line inside a transaction's block: its locks, its thread, its wait, or its statement.
  private mutating func transactionLine(_ line: UnsafeRawBufferPointer) {
    guard current != nil else { return }
    if line.matches("LOCK WAIT ", at: 0) {
      current!.lockWaitSeconds = current!.lockWaitSeconds ?? 0
      readCounts(line)
    } else if Self.find(line, " lock struct(s)") != nil {
      readCounts(line)
    } else if line.matches("MySQL thread id ", at: 0) || line.matches("MariaDB thread id ", at: 0) {
      readThread(line)
      readingStatement = true
    } else if line.matches("------- TRX HAS BEEN WAITING ", at: 0) {
      readingStatement = false
      current!.lockWaitSeconds = line.unsignedInteger(at: 29).map { Int($0.value) }
    } else if Self.endsStatement(line) {
      readingStatement = false
    } else if readingStatement {
      if !statement.isEmpty { statement.append(ASCII.space) }
      statement.append(contentsOf: line)
    }
  }

  /// `2 lock struct(s), heap size 1136, 1 row lock(s), undo log entries 1`, after `LOCK WAIT ` or not.
  private mutating func readCounts(_ line: UnsafeRawBufferPointer) {
    let start = line.matches("LOCK WAIT ", at: 0) ? 10 : 0
    if let structs = line.unsignedInteger(at: start) { current!.lockStructs = Int(structs.value) }
    if let rows = Self.find(line, "heap size "), let size = line.unsignedInteger(at: rows.upperBound),
      line.matches(", ", at: size.end), let locks = line.unsignedInteger(at: size.end + 2)
    {
      current!.rowLocks = Int(locks.value)
    }
    if let undo = Self.find(line, "undo log entries "),
      let entries = line.unsignedInteger(at: undo.upperBound)
    {
      current!.undoEntries = Int(entries.value)
    }
  }

  /// `MySQL thread id 10, OS thread handle 1401, query id 60 10.0.3.7 shipping updating`: the thread, then
  /// after the query id the host, an address when the host has a name, the user, and what it is doing.
  private mutating func readThread(_ line: UnsafeRawBufferPointer) {
    let idStart = line.matches("MySQL", at: 0) ? 16 : 18
    current!.threadID = line.unsignedInteger(at: idStart)?.value
    guard let query = Self.find(line, "query id "), let id = line.unsignedInteger(at: query.upperBound) else {
      return
    }
    var tokens: [String] = []
    var index = id.end
    while index < line.count, tokens.count < 4 {
      index = line.skippingBlanks(from: index)
      let start = index
      while index < line.count, line[index] != ASCII.space { index += 1 }
      if index > start {
        tokens.append(String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<index]), as: UTF8.self))
      }
    }
    guard !tokens.isEmpty else { return }
    current!.host = tokens[0]
    var next = 1
    if tokens.count > 2, Self.isAddress(tokens[1]) { next = 2 }
    if next < tokens.count { current!.user = tokens[next] }
  }

  private mutating func closeTransaction() {
    guard var transaction = current else { return }
    if !statement.isEmpty {
      transaction.statement = SlowLogParser.abbreviate(
        statement.withUnsafeBytes { UnsafeRawBufferPointer($0) })
    }
    statement.removeAll(keepingCapacity: true)
    readingStatement = false
    current = nil
    if section == .deadlock {
      deadlockTransactions.append(transaction)
    } else {
      transactions.append(transaction)
    }
  }

  mutating func finish() {
    closeTransaction()
  }

  func status(at time: Timestamp) -> InnoDBStatus {
    let deadlock =
      deadlockTransactions.isEmpty
      ? nil
      : InnoDBDeadlock(time: deadlockTime ?? time, transactions: deadlockTransactions, victim: victim)
    return InnoDBStatus(
      time: time, line: line, transactions: transactions, deadlock: deadlock,
      historyListLength: historyListLength,
      semaphoreWaits: semaphoreWaits, longestSemaphoreWaitSeconds: longestSemaphoreWait)
  }

  // MARK: Lines

  /// `1236, ACTIVE 120 sec starting index read`, `1236, ACTIVE (PREPARED) 3 sec`; nil for `not started`.
  private static func transaction(_ line: UnsafeRawBufferPointer, from start: Int, number: Int)
    -> InnoDBTransaction?
  {
    var index = start
    while index < line.count, line[index] != ASCII.comma { index += 1 }
    let id = String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<index]), as: UTF8.self)
    guard let active = find(line, "ACTIVE ") else { return nil }
    var cursor = active.upperBound
    if line.matches("(PREPARED) ", at: cursor) { cursor += 11 }
    guard let seconds = line.unsignedInteger(at: cursor), line.matches(" sec", at: seconds.end) else {
      return nil
    }
    let stateStart = line.skippingBlanks(from: seconds.end + 4)
    let state =
      stateStart < line.count
      ? String(decoding: UnsafeRawBufferPointer(rebasing: line[stateStart...]), as: UTF8.self) : ""
    return InnoDBTransaction(
      id: id, activeSeconds: Int(seconds.value), state: state, threadID: nil, host: nil, user: nil,
      lockStructs: 0,
      rowLocks: 0, undoEntries: 0, lockWaitSeconds: nil, statement: nil, line: number)
  }

  /// The section a header line names, if it is one.
  static func section(_ line: UnsafeRawBufferPointer) -> Section? {
    if line.count == 10, line.matches("SEMAPHORES", at: 0) { return .semaphores }
    if line.count == 24, line.matches("LATEST DETECTED DEADLOCK", at: 0) { return .deadlock }
    if line.count == 12, line.matches("TRANSACTIONS", at: 0) { return .transactions }
    for name in otherSections where line.count == name.utf8CodeUnitCount && line.matches(name, at: 0) {
      return .other
    }
    return nil
  }

  private static let otherSections: [StaticString] = [
    "BACKGROUND THREAD", "FILE I/O", "LATEST FOREIGN KEY ERROR", "INSERT BUFFER AND ADAPTIVE HASH INDEX",
    "LOG",
    "BUFFER POOL AND MEMORY", "INDIVIDUAL BUFFER POOL INFO", "ROW OPERATIONS",
  ]

  /// Lines after a transaction's statement: its locks, a separator, the hex dump of a record.
  private static func endsStatement(_ line: UnsafeRawBufferPointer) -> Bool {
    line.matches("TABLE LOCK ", at: 0) || line.matches("RECORD LOCKS ", at: 0)
      || line.matches("Record lock", at: 0)
      || line.matches("---", at: 0) || line.matches("***", at: 0) || line.matches("Trx read view", at: 0)
      || line.matches("mysql tables in use", at: 0) || line.matches(" 0: len", at: 0)
      || (line.first == ASCII.space && find(line, ": len ") != nil)
  }

  /// `2026-11-29 02:15:13 0x7f3c …` (5.6+) or `161209 13:08:33 …` (5.5): the server's local time.
  static func monitorTime(_ line: UnsafeRawBufferPointer, localOffsetSeconds: LocalZone) -> Timestamp? {
    if let scanned = TimestampScanner.dateTime(in: line, at: 0, localOffsetSeconds: localOffsetSeconds),
      scanned.end == line.count || line[scanned.end] == ASCII.space
    {
      return scanned.timestamp
    }
    guard let date = line.fixedDigits(at: 0, width: 6), line.byte(at: 6) == ASCII.space,
      let hour = line.fixedDigits(at: 7, width: 2), line.byte(at: 9) == ASCII.colon,
      let minute = line.fixedDigits(at: 10, width: 2), line.byte(at: 12) == ASCII.colon,
      let second = line.fixedDigits(at: 13, width: 2), (1...12).contains(date / 100 % 100),
      (1...31).contains(date % 100), hour < 24, minute < 60, second <= 60
    else { return nil }
    let days = Int64(CivilCalendar.days(year: 2000 + date / 10000, month: date / 100 % 100, day: date % 100))
    let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    let seconds = local - Int64(localOffsetSeconds.offset(forLocal: local))
    return Timestamp(milliseconds: seconds * 1000)
  }

  private static func isAddress(_ token: String) -> Bool {
    token.utf8.allSatisfy { ASCII.isDigit($0) || $0 == ASCII.dot } || token.utf8.contains(ASCII.colon)
  }

  /// The range of the first `literal` in `line`.
  static func find(_ line: UnsafeRawBufferPointer, _ literal: StaticString) -> Range<Int>? {
    let length = literal.utf8CodeUnitCount
    guard length > 0, line.count >= length else { return nil }
    let first = literal.utf8Start.pointee
    var index = 0
    while let candidate = line.index(of: first, from: index, to: line.count - length + 1) {
      if line.matches(literal, at: candidate) { return candidate..<(candidate + length) }
      index = candidate + 1
    }
    return nil
  }
}
