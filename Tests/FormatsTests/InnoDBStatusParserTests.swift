import Foundation
import Ingest
import Testing

@testable import Formats

/// `SHOW ENGINE INNODB STATUS` in the forms the `mysql` client and pt-stalk write it.
@Suite("InnoDB status")
struct InnoDBStatusParserTests {
  /// A MySQL 5.7 report during a lock wait (thread 11 waits on a row thread 10 locked and sits idle on),
  /// after a deadlock, as `SHOW ENGINE INNODB STATUS\G` prints it.
  static let vertical = """
    *************************** 1. row ***************************
      Type: InnoDB
      Name:
    Status:
    =====================================
    2026-11-29 02:15:13 0x7f3c2c0f9700 INNODB MONITOR OUTPUT
    =====================================
    Per second averages calculated from the last 20 seconds
    -----------------
    BACKGROUND THREAD
    -----------------
    srv_master_thread loops: 5 srv_active, 0 srv_shutdown, 120 srv_idle
    ----------
    SEMAPHORES
    ----------
    OS WAIT ARRAY INFO: reservation count 12
    --Thread 140 has waited at row0lock.cc line 123 for 241.00 seconds the semaphore:
    ------------------------
    LATEST DETECTED DEADLOCK
    ------------------------
    2026-11-29 02:10:01 0x7f3c2c0f9700
    *** (1) TRANSACTION:
    TRANSACTION 1234, ACTIVE 3 sec starting index read
    mysql tables in use 1, locked 1
    LOCK WAIT 3 lock struct(s), heap size 1136, 2 row lock(s)
    MySQL thread id 9, OS thread handle 1402, query id 50 10.0.4.2 ratings updating
    UPDATE ratings SET score = 1 WHERE sku = 'b'
    *** (1) WAITING FOR THIS LOCK TO BE GRANTED:
    RECORD LOCKS space id 24 page no 3 n bits 72 index PRIMARY of table `ratings`.`ratings` trx id 1234 lock_mode X locks rec but not gap waiting
    *** (2) TRANSACTION:
    TRANSACTION 1235, ACTIVE 5 sec starting index read
    mysql tables in use 1, locked 1
    3 lock struct(s), heap size 1136, 2 row lock(s)
    MySQL thread id 8, OS thread handle 1403, query id 51 10.0.4.3 ratings updating
    UPDATE ratings SET score = 2
      WHERE sku = 'a'
    *** (2) HOLDS THE LOCK(S):
    RECORD LOCKS space id 24 page no 3 n bits 72 index PRIMARY of table `ratings`.`ratings` trx id 1235 lock_mode X locks rec but not gap
    *** WE ROLL BACK TRANSACTION (1)
    ------------
    TRANSACTIONS
    ------------
    Trx id counter 1240
    Purge done for trx's n:o < 1238 undo n:o < 0 state: running but idle
    History list length 812
    LIST OF TRANSACTIONS FOR EACH SESSION:
    ---TRANSACTION 421604, not started
    0 lock struct(s), heap size 1136, 0 row lock(s)
    ---TRANSACTION 1237, ACTIVE 15 sec starting index read
    mysql tables in use 1, locked 1
    LOCK WAIT 2 lock struct(s), heap size 1136, 1 row lock(s)
    MySQL thread id 11, OS thread handle 1404, query id 70 10.0.3.8 shipping updating
    UPDATE cities SET name = 'x' WHERE id = 1
    ------- TRX HAS BEEN WAITING 15 SEC FOR THIS LOCK TO BE GRANTED:
    RECORD LOCKS space id 5 page no 3 n bits 72 index PRIMARY of table `cities`.`cities` trx id 1237 lock_mode X locks rec but not gap waiting
    Record lock, heap no 2 PHYSICAL RECORD: n_fields 4; compact format; info bits 0
     0: len 4; hex 80000001; asc     ;;
    ------------------
    ---TRANSACTION 1236, ACTIVE 1210 sec
    2 lock struct(s), heap size 1136, 1 row lock(s), undo log entries 1
    MySQL thread id 10, OS thread handle 1401, query id 60 report-1 10.0.9.1 report
    --------
    FILE I/O
    --------
    I/O thread 0 state: waiting for completed aio requests (insert buffer thread)
    ----------------------------
    END OF INNODB MONITOR OUTPUT
    ============================

    """

  static func statuses(_ text: String, name: String = "innodb-status.txt", tz: Int = 0) throws -> (
    [InnoDBStatus], SourceStats
  ) {
    let path = try LogLineHarness.temporaryFile(text, name: name)
    var reader = SourceReader(source: Source(path: path), options: ReadOptions(utcOffsetSeconds: tz))
    var statuses: [InnoDBStatus] = []
    do {
      try reader.read { record, _ in
        if case .database(.innodbStatus(let status)) = record { statuses.append(status) }
      }
    } catch FormatError.untimed {
      // Reported as the source's fault once its records are read; the skipped count says which.
    }
    return (statuses, reader.stats)
  }

  @Test("transactions: the idle blocker with its rows locked, the waiter with its wait and statement")
  func transactions() throws {
    let (statuses, stats) = try Self.statuses(Self.vertical, tz: 3600)
    #expect(stats.format == .mysqlInnoDBStatus)
    let status = try #require(statuses.first)
    #expect(statuses.count == 1)
    #expect(status.time == Timestamp(rfc3339: "2026-11-29T01:15:13Z"))
    #expect(status.historyListLength == 812)
    #expect(status.semaphoreWaits == 1 && status.longestSemaphoreWaitSeconds == 241)
    #expect(status.transactions.count == 2)
    let waiter = try #require(status.transactions.first { $0.id == "1237" })
    #expect(waiter.lockWaitSeconds == 15 && waiter.activeSeconds == 15 && waiter.threadID == 11)
    #expect(waiter.user == "shipping" && waiter.host == "10.0.3.8")
    #expect(waiter.statement == "UPDATE cities SET name = 'x' WHERE id = 1")
    #expect(waiter.state == "starting index read")
    let blocker = try #require(status.transactions.first { $0.id == "1236" })
    #expect(blocker.activeSeconds == 1210 && blocker.threadID == 10 && blocker.lockWaitSeconds == nil)
    #expect(blocker.user == "report" && blocker.host == "report-1")
    #expect(blocker.rowLocks == 1 && blocker.lockStructs == 2 && blocker.undoEntries == 1)
    #expect(blocker.statement == nil)
  }

  @Test("the latest deadlock: its time, both transactions with their statements, the victim")
  func deadlock() throws {
    let (statuses, _) = try Self.statuses(Self.vertical)
    let deadlock = try #require(statuses.first?.deadlock)
    #expect(deadlock.time == Timestamp(rfc3339: "2026-11-29T02:10:01Z"))
    #expect(deadlock.transactions.map(\.threadID) == [9, 8])
    #expect(
      deadlock.transactions.map(\.statement) == [
        "UPDATE ratings SET score = 1 WHERE sku = 'b'", "UPDATE ratings SET score = 2 WHERE sku = 'a'",
      ])
    #expect(deadlock.victim == 1)
  }

  @Test("the -B form (one line, newlines escaped) and the table form read the same report")
  func otherForms() throws {
    let body = Self.vertical.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4)
    let batch = "Type\tName\tStatus\nInnoDB\t\t" + body.joined(separator: "\\n") + "\n"
    let table =
      "+--------+------+--------+\n| Type   | Name | Status |\n+--------+------+--------+\n| InnoDB |      | \n"
      + body.joined(separator: "\n") + " |\n+--------+------+--------+\n"
    let (reference, _) = try Self.statuses(Self.vertical)
    for text in [batch, table] {
      let (statuses, stats) = try Self.statuses(text)
      #expect(stats.format == .mysqlInnoDBStatus)
      #expect(statuses.map(Self.withoutLines) == reference.map(Self.withoutLines))
    }
  }

  /// The report with every line number 0: a `-B` capture has the whole report on one line.
  static func withoutLines(_ status: InnoDBStatus) -> InnoDBStatus {
    var status = status
    status.line = 0
    for index in status.transactions.indices { status.transactions[index].line = 0 }
    if status.deadlock != nil {
      for index in status.deadlock!.transactions.indices { status.deadlock!.transactions[index].line = 0 }
    }
    return status
  }

  @Test(
    "pt-stalk's -innodbstatus1 without a monitor header is dated by its file name; without either, reported")
  func dating() throws {
    let transactions = Self.vertical.components(separatedBy: "\n").filter { !$0.contains("MONITOR OUTPUT") }
      .joined(separator: "\n")
    let (named, _) = try Self.statuses(transactions, name: "2026_11_29_02_15_13-innodbstatus1")
    #expect(named.first?.time == Timestamp(rfc3339: "2026-11-29T02:15:13Z"))
    let (none, stats) = try Self.statuses(transactions, name: "status.txt")
    #expect(none.isEmpty)
    #expect(stats.skipped == 1)
  }
}
