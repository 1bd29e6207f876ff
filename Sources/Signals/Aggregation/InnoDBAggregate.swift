import Formats

/// InnoDB monitor reports and lock-wait rows reduced to per-bucket levels (the oldest open transaction by user,
/// the transactions in lock wait, the history list), distinct deadlocks as events, and the evidence the report
/// cites: the longest open transactions, the longest waits with their blockers, the deadlocks.
struct InnoDBAggregate: Sendable {
  struct Summary: Sendable {
    var milliseconds: Int64
    var oldestByUser: [String: Int] = [:]
    var lockWaits: Int = 0
    var historyListLength: Double = .nan
    var semaphoreWaits: Double = .nan
  }

  static let evidenceLimit = 5

  let stepMilliseconds: Int64
  private(set) var summaries: BucketSeries<Summary?>
  /// Lock waits counted by the lock-wait queries (pt-stalk's `-lock-waits`), apart from the monitor's.
  private(set) var queriedWaits: BucketSeries<Int32?>
  private(set) var reports = 0
  private(set) var evidence = InnoDBEvidence()
  /// Distinct deadlocks and their times, keyed by time and first transaction: every later report repeats the
  /// latest one, and a collection's `-innodbstatus1` and `2` both show it.
  private(set) var deadlocks: [String: Int64] = [:]

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
    summaries = BucketSeries(stepMilliseconds: stepMilliseconds, empty: nil)
    queriedWaits = BucketSeries(stepMilliseconds: stepMilliseconds, empty: nil)
  }

  var isEmpty: Bool { reports == 0 && queriedWaits.isEmpty }

  mutating func add(_ status: InnoDBStatus, path: String) {
    reports += 1
    var summary = Summary(milliseconds: status.time.milliseconds)
    for transaction in status.transactions {
      let user = transaction.user ?? "(unknown)"
      summary.oldestByUser[user] = max(summary.oldestByUser[user] ?? 0, transaction.activeSeconds)
      if transaction.lockWaitSeconds != nil { summary.lockWaits += 1 }
      let cited = OpenTransaction(transaction, path: path, milliseconds: status.time.milliseconds)
      evidence.keep(cited)
    }
    summary.historyListLength = status.historyListLength.map(Double.init) ?? .nan
    summary.semaphoreWaits = Double(status.semaphoreWaits)
    summaries.update(at: summary.milliseconds) { slot in
      if slot.map({ summary.milliseconds >= $0.milliseconds }) ?? true { slot = summary }
    }
    if let deadlock = status.deadlock {
      let key = "\(deadlock.time.milliseconds) \(deadlock.transactions.first?.id ?? "")"
      if deadlocks[key] == nil {
        deadlocks[key] = deadlock.time.milliseconds
        evidence.keep(CitedDeadlock(deadlock, path: path, line: status.line))
      }
    }
  }

  mutating func add(_ snapshot: LockWaitSnapshot, path: String) {
    queriedWaits.update(at: snapshot.time.milliseconds) { $0 = Int32(snapshot.waits.count) }
    for wait in snapshot.waits {
      evidence.keep(
        CitedLockWait(wait, path: path, line: snapshot.line, milliseconds: snapshot.time.milliseconds))
    }
  }

  mutating func merge(_ other: InnoDBAggregate) {
    reports += other.reports
    summaries.merge(other.summaries) { mine, theirs in
      if let theirs, mine.map({ theirs.milliseconds >= $0.milliseconds }) ?? true { mine = theirs }
    }
    queriedWaits.merge(other.queriedWaits) { mine, theirs in
      if let theirs { mine = max(mine ?? 0, theirs) }
    }
    deadlocks.merge(other.deadlocks) { mine, _ in mine }
    evidence.merge(other.evidence)
  }
}
