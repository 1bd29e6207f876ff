/// What a signal measures, in a vocabulary `rca.json`, tests and tickets can match on.
///
/// Counts of typed events (a refused connection, a lock-wait timeout, an outbound call timing out) are signals
/// too: events per second on the same buckets, with the lines that say so as the signal's examples. Their
/// `component` is where the event was observed (the service whose log says it), `resource` what it concerns
/// (the database, the external host).
public enum SignalKind: String, Sendable, Equatable, Codable, CaseIterable {
  // Requests, as access logs and request metrics give them.
  case requestRate = "request-rate"
  case errorRate = "error-rate"
  case latencyP50 = "latency-p50"
  case latencyP90 = "latency-p90"
  case latencyP99 = "latency-p99"
  // Logs.
  case logLevel = "log-level"
  case logTemplate = "log-template"
  // Database connections, from processlists, status dumps and exporters.
  case dbConnections = "db-connections"
  case dbConnectionsByCommand = "db-connections-by-command"
  case dbConnectionsByHost = "db-connections-by-host"
  case dbConnectionsByState = "db-connections-by-state"
  case dbSleeping = "db-sleeping-connections"
  case dbIdleAge = "db-idle-age"
  case dbIdleAgeP90 = "db-idle-age-p90"
  case dbHeadroom = "db-connection-headroom"
  case dbMaxConnections = "db-max-connections"
  case dbConnectionErrors = "db-connection-errors"
  // Database work and health.
  case dbThreadsRunning = "db-threads-running"
  case dbQueries = "db-queries"
  case dbSlowQueries = "db-slow-queries"
  /// Statement time per second (slow log, processlist `Time` of running statements), by user or fingerprint.
  case dbQueryTime = "db-query-time"
  case dbRowLockWaits = "db-row-lock-waits"
  case dbRowLockTime = "db-row-lock-time"
  /// Age of the oldest open transaction, by user.
  case dbTransactionAge = "db-transaction-age"
  case dbUptime = "db-uptime"
  case dbUp = "db-up"
  case dbReplicationLag = "db-replication-lag"
  /// The 90th percentile of statement time per bucket (slow log), by user or fingerprint.
  case dbQueryTimeP90 = "db-query-time-p90"
  /// Rows the statements read per second (slow log `Rows_examined`), by user or fingerprint.
  case dbRowsExamined = "db-rows-examined"
  // Typed events from clients' logs and the database's own records.
  case dbLockWaitTimeouts = "db-lock-wait-timeouts"
  case dbDeadlocks = "db-deadlocks"
  /// 2002/2003 cannot connect, 2006/2013 gone away or lost connection.
  case dbUnreachable = "db-unreachable"
  case dbStatementTimeouts = "db-statement-timeouts"
  /// A client-side pool gave up waiting for a connection (Hikari, SQLAlchemy QueuePool, Go's sql.DB).
  case poolTimeouts = "pool-timeouts"
  /// Outbound HTTP/RPC calls that timed out or failed, by target host (`resource`).
  case outboundErrors = "outbound-errors"
  /// Restarts, deploys, config changes: candidate triggers.
  case changes = "changes"
  case oomKills = "oom-kills"
  // Service runtime resources, from container, process and runtime metrics.
  case cpuUsage = "cpu-usage"
  case cpuThrottling = "cpu-throttling"
  case memoryUsage = "memory-usage"
  case restarts = "restarts"
  case gcPause = "gc-pause"
  case threads = "threads"
  case openFiles = "open-files"
  case poolActive = "pool-active"
  case poolPending = "pool-pending"
  case eventLoopLag = "event-loop-lag"
  /// Anything else: a metric whose meaning no vocabulary gives.
  case metric
}
