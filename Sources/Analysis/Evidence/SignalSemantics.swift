import Signals

/// What a change of each kind of signal means for the root-cause engine: which part it plays and which
/// direction hurts. Data, not code paths: a new signal kind is a row.
enum SignalSemantics {
  enum Category: String, Sendable {
    /// What users feel: latency, errors, error lines.
    case symptom
    /// Offered load.
    case load
    /// The state of something finite that can fill up or run dry (connections, CPU, memory, locks).
    case resource
    /// A typed occurrence read from lines (a refused connection, a timeout against a host).
    case event
    /// A change made to the system: a deploy, a restart, a config change.
    case change
    /// No direction of its own.
    case context
  }

  struct Meaning {
    var category: Category
    /// True when a fall is what hurts (headroom, a database's `up`, uptime resetting).
    var fallHurts = false
  }

  static let table: [SignalKind: Meaning] = [
    .requestRate: Meaning(category: .load),
    .errorRate: Meaning(category: .symptom),
    .latencyP50: Meaning(category: .symptom),
    .latencyP90: Meaning(category: .symptom),
    .latencyP99: Meaning(category: .symptom),
    .logLevel: Meaning(category: .symptom),
    .logTemplate: Meaning(category: .symptom),
    .dbConnections: Meaning(category: .resource),
    .dbConnectionsByCommand: Meaning(category: .resource),
    .dbConnectionsByHost: Meaning(category: .context),
    .dbConnectionsByState: Meaning(category: .context),
    .dbSleeping: Meaning(category: .resource),
    .dbIdleAge: Meaning(category: .resource),
    .dbIdleAgeP90: Meaning(category: .context),
    .dbHeadroom: Meaning(category: .resource, fallHurts: true),
    .dbMaxConnections: Meaning(category: .context),
    .dbConnectionErrors: Meaning(category: .event),
    .dbThreadsRunning: Meaning(category: .resource),
    .dbQueries: Meaning(category: .load),
    .dbSlowQueries: Meaning(category: .resource),
    .dbQueryTime: Meaning(category: .resource),
    .dbRowLockWaits: Meaning(category: .resource),
    .dbRowLockTime: Meaning(category: .resource),
    .dbTransactionAge: Meaning(category: .resource),
    .dbUptime: Meaning(category: .change, fallHurts: true),
    .dbUp: Meaning(category: .resource, fallHurts: true),
    .dbReplicationLag: Meaning(category: .resource),
    .dbQueryTimeP90: Meaning(category: .context),
    .dbRowsExamined: Meaning(category: .context),
    .dbLockWaitTimeouts: Meaning(category: .event),
    .dbDeadlocks: Meaning(category: .event),
    .dbUnreachable: Meaning(category: .event),
    .dbStatementTimeouts: Meaning(category: .event),
    .poolTimeouts: Meaning(category: .event),
    .outboundErrors: Meaning(category: .event),
    .changes: Meaning(category: .change),
    .oomKills: Meaning(category: .event),
    .cpuUsage: Meaning(category: .resource),
    .cpuThrottling: Meaning(category: .resource),
    .memoryUsage: Meaning(category: .resource),
    .restarts: Meaning(category: .change),
    .gcPause: Meaning(category: .resource),
    .threads: Meaning(category: .resource),
    .openFiles: Meaning(category: .resource),
    .poolActive: Meaning(category: .resource),
    .poolPending: Meaning(category: .resource),
    .eventLoopLag: Meaning(category: .resource),
    .metric: Meaning(category: .context),
  ]

  /// The meaning of `signal`: its kind's row, except that a signal the extraction marked as context
  /// (info-level templates, untyped series) stays context, and a log line's level decides whether it hurts.
  static func meaning(of signal: Signal) -> Meaning {
    let row = table[signal.key.kind] ?? Meaning(category: .context)
    if signal.role == .context, row.category == .symptom || row.category == .resource {
      return Meaning(category: .context)
    }
    return row
  }

  /// Runtime resources of a service (not of a database): what resource saturation reads.
  static let serviceResources: Set<SignalKind> = [
    .cpuUsage, .cpuThrottling, .memoryUsage, .gcPause, .threads, .openFiles, .eventLoopLag, .poolActive,
    .poolPending,
  ]

  static let latencies: Set<SignalKind> = [.latencyP50, .latencyP90, .latencyP99]
}
