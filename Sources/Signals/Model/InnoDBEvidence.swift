import Formats

/// What InnoDB said about locks, cited by file and line: the transactions held open longest (the blocker of a
/// lock-contention incident: thread, user, how long, rows locked), the longest lock waits with the thread
/// blocking them, and the deadlocks.
public struct InnoDBEvidence: Sendable, Equatable {
  /// Longest open first, one entry per transaction (at its longest sighting).
  public private(set) var longTransactions: [OpenTransaction] = []
  /// Longest wait first.
  public private(set) var lockWaits: [CitedLockWait] = []
  /// Earliest first.
  public private(set) var deadlocks: [CitedDeadlock] = []

  public init() {}

  public var isEmpty: Bool { longTransactions.isEmpty && lockWaits.isEmpty && deadlocks.isEmpty }

  mutating func keep(_ transaction: OpenTransaction) {
    if let index = longTransactions.firstIndex(where: { $0.id == transaction.id }) {
      guard transaction.outranks(longTransactions[index]) else { return }
      longTransactions.remove(at: index)
    }
    longTransactions.append(transaction)
    longTransactions.sort { $0.outranks($1) }
    if longTransactions.count > InnoDBAggregate.evidenceLimit { longTransactions.removeLast() }
  }

  mutating func keep(_ wait: CitedLockWait) {
    lockWaits.append(wait)
    lockWaits.sort { $0.outranks($1) }
    if lockWaits.count > InnoDBAggregate.evidenceLimit { lockWaits.removeLast() }
  }

  mutating func keep(_ deadlock: CitedDeadlock) {
    guard
      !deadlocks.contains(where: {
        $0.deadlock.time == deadlock.deadlock.time
          && $0.deadlock.transactions.first?.id == deadlock.deadlock.transactions.first?.id
      })
    else { return }
    deadlocks.append(deadlock)
    deadlocks.sort { ($0.milliseconds, $0.path, $0.line) < ($1.milliseconds, $1.path, $1.line) }
    if deadlocks.count > InnoDBAggregate.evidenceLimit { deadlocks.removeLast() }
  }

  mutating func merge(_ other: InnoDBEvidence) {
    for transaction in other.longTransactions { keep(transaction) }
    for wait in other.lockWaits { keep(wait) }
    for deadlock in other.deadlocks { keep(deadlock) }
  }
}

/// A transaction the monitor showed open, at its longest sighting.
public struct OpenTransaction: Sendable, Equatable {
  public var transaction: InnoDBTransaction
  public var path: String
  public var milliseconds: Int64

  public var id: String { transaction.id }

  init(_ transaction: InnoDBTransaction, path: String, milliseconds: Int64) {
    self.transaction = transaction
    self.path = path
    self.milliseconds = milliseconds
  }

  /// Longer open first; then more rows locked, the earlier sighting, the lower id: deterministic.
  func outranks(_ other: OpenTransaction) -> Bool {
    (transaction.activeSeconds, transaction.rowLocks, other.milliseconds, other.id)
      > (other.transaction.activeSeconds, other.transaction.rowLocks, milliseconds, id)
  }
}

/// A lock wait with its blocker, from a lock-wait query.
public struct CitedLockWait: Sendable, Equatable {
  public var wait: LockWait
  public var path: String
  public var line: Int
  public var milliseconds: Int64

  init(_ wait: LockWait, path: String, line: Int, milliseconds: Int64) {
    self.wait = wait
    self.path = path
    self.line = line
    self.milliseconds = milliseconds
  }

  func outranks(_ other: CitedLockWait) -> Bool {
    (wait.waitSeconds ?? 0, other.milliseconds, other.line) > (
      other.wait.waitSeconds ?? 0, milliseconds, line
    )
  }
}

/// `LATEST DETECTED DEADLOCK`, where it was read.
public struct CitedDeadlock: Sendable, Equatable {
  public var deadlock: InnoDBDeadlock
  public var path: String
  public var line: Int
  public var milliseconds: Int64 { deadlock.time.milliseconds }

  init(_ deadlock: InnoDBDeadlock, path: String, line: Int) {
    self.deadlock = deadlock
    self.path = path
    self.line = line
  }
}
