/// One `SHOW ENGINE INNODB STATUS` report: the open transactions, the latest deadlock, and the counters that
/// say whether purge and the latches keep up.
public struct InnoDBStatus: Sendable, Equatable {
  public var time: Timestamp
  /// The line where the report starts, for citations.
  public var line: Int
  public var transactions: [InnoDBTransaction]
  public var deadlock: InnoDBDeadlock?
  /// Undo records not yet purged: grows while a transaction stays open.
  public var historyListLength: Int64?
  /// Threads waiting on a latch (`--Thread … has waited at … for n seconds the semaphore`), and the longest
  /// wait in seconds.
  public var semaphoreWaits: Int
  public var longestSemaphoreWaitSeconds: Double

  public init(
    time: Timestamp, line: Int, transactions: [InnoDBTransaction], deadlock: InnoDBDeadlock?,
    historyListLength: Int64?, semaphoreWaits: Int, longestSemaphoreWaitSeconds: Double
  ) {
    self.time = time
    self.line = line
    self.transactions = transactions
    self.deadlock = deadlock
    self.historyListLength = historyListLength
    self.semaphoreWaits = semaphoreWaits
    self.longestSemaphoreWaitSeconds = longestSemaphoreWaitSeconds
  }
}

/// A transaction as the monitor lists it (`---TRANSACTION 1236, ACTIVE 120 sec` and the lines after).
public struct InnoDBTransaction: Sendable, Equatable {
  public var id: String
  public var activeSeconds: Int
  /// What it is doing (`starting index read`, `fetching rows`); empty when idle.
  public var state: String
  public var threadID: Int64?
  public var host: String?
  public var user: String?
  public var lockStructs: Int
  public var rowLocks: Int
  public var undoEntries: Int
  /// Seconds it has waited for a lock (`LOCK WAIT`, `TRX HAS BEEN WAITING n SEC`); nil when not waiting.
  public var lockWaitSeconds: Int?
  /// The statement it runs, when the monitor printed one.
  public var statement: String?
  /// The line of its `---TRANSACTION` header.
  public var line: Int

  public init(
    id: String, activeSeconds: Int, state: String, threadID: Int64?, host: String?, user: String?,
    lockStructs: Int, rowLocks: Int, undoEntries: Int, lockWaitSeconds: Int?, statement: String?, line: Int
  ) {
    self.id = id
    self.activeSeconds = activeSeconds
    self.state = state
    self.threadID = threadID
    self.host = host
    self.user = user
    self.lockStructs = lockStructs
    self.rowLocks = rowLocks
    self.undoEntries = undoEntries
    self.lockWaitSeconds = lockWaitSeconds
    self.statement = statement
    self.line = line
  }
}

/// `LATEST DETECTED DEADLOCK`: when, the transactions involved, and which one was rolled back.
public struct InnoDBDeadlock: Sendable, Equatable {
  public var time: Timestamp
  public var transactions: [InnoDBTransaction]
  /// 1-based number of the transaction rolled back (`*** WE ROLL BACK TRANSACTION (2)`).
  public var victim: Int?

  public init(time: Timestamp, transactions: [InnoDBTransaction], victim: Int?) {
    self.time = time
    self.transactions = transactions
    self.victim = victim
  }
}

/// The rows of a lock-wait query (pt-stalk's `-lock-waits`, `sys.innodb_lock_waits`,
/// `information_schema.innodb_lock_waits` joined to `innodb_trx`): who waits on whom.
public struct LockWaitSnapshot: Sendable, Equatable {
  public var time: Timestamp
  public var line: Int
  public var waits: [LockWait]

  public init(time: Timestamp, line: Int, waits: [LockWait]) {
    self.time = time
    self.line = line
    self.waits = waits
  }
}

/// One waiter and the thread blocking it.
public struct LockWait: Sendable, Equatable {
  public var waitingThread: Int64?
  public var waitSeconds: Int?
  public var waitingQuery: String?
  public var blockingThread: Int64?
  public var blockingHost: String?
  public var blockingQuery: String?
  /// Seconds the blocker has sat idle (`Sleep`) inside its transaction.
  public var blockerIdleSeconds: Int?
  public var table: String?

  public init(
    waitingThread: Int64? = nil, waitSeconds: Int? = nil, waitingQuery: String? = nil,
    blockingThread: Int64? = nil, blockingHost: String? = nil, blockingQuery: String? = nil,
    blockerIdleSeconds: Int? = nil, table: String? = nil
  ) {
    self.waitingThread = waitingThread
    self.waitSeconds = waitSeconds
    self.waitingQuery = waitingQuery
    self.blockingThread = blockingThread
    self.blockingHost = blockingHost
    self.blockingQuery = blockingQuery
    self.blockerIdleSeconds = blockerIdleSeconds
    self.table = table
  }
}
