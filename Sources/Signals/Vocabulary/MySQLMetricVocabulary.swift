import Formats

/// What MySQL's series mean, under the names mysqld_exporter gives them — the names `SHOW GLOBAL STATUS`
/// dumps and pt-stalk's `-mysqladmin` captures are read under too (`ExporterNames`), so an exporter scrape and a
/// status capture of the same server meet in the same signals. Each row carries an example series, and the
/// label, if any, that names the client driving it.
enum MySQLMetricVocabulary {
  struct Row: Sendable {
    var name: String
    var kind: SignalKind
    var unit: String
    var role: SignalRole
    /// The label naming who drives the series (`user` of `…processes_by_user`), which becomes its `client`.
    var clientLabel: String?
    /// Whether it counts since start-up (read as a rate), whatever TYPE the source gave.
    var isCounter: Bool
    /// A series as an exposition or `SHOW GLOBAL STATUS` would give it.
    var example: String
  }

  static let rows: [Row] = [
    Row(
      name: "mysql_global_status_threads_connected", kind: .dbConnections, unit: "connections",
      role: .resource,
      isCounter: false, example: "mysql_global_status_threads_connected 151"),
    Row(
      name: "mysql_global_variables_max_connections", kind: .dbMaxConnections, unit: "connections",
      role: .resource, isCounter: false, example: "mysql_global_variables_max_connections 151"),
    Row(
      name: "mysql_global_status_max_used_connections", kind: .metric, unit: "connections", role: .context,
      isCounter: false, example: "mysql_global_status_max_used_connections 152"),
    Row(
      name: "mysql_global_status_threads_running", kind: .dbThreadsRunning, unit: "threads", role: .resource,
      isCounter: false, example: "mysql_global_status_threads_running 42"),
    Row(
      name: "mysql_global_status_connection_errors_total", kind: .dbConnectionErrors, unit: "errors/s",
      role: .resource, isCounter: true,
      example: #"mysql_global_status_connection_errors_total{error="max_connections"} 12"#),
    Row(
      name: "mysql_global_status_aborted_connects", kind: .dbConnectionErrors, unit: "errors/s",
      role: .resource,
      isCounter: true, example: "mysql_global_status_aborted_connects 7"),
    Row(
      name: "mysql_global_status_aborted_clients", kind: .dbConnectionErrors, unit: "errors/s",
      role: .context,
      isCounter: true, example: "mysql_global_status_aborted_clients 3"),
    Row(
      name: "mysql_global_status_questions", kind: .dbQueries, unit: "queries/s", role: .load,
      isCounter: true,
      example: "mysql_global_status_questions 123456"),
    Row(
      name: "mysql_global_status_commands_total", kind: .dbQueries, unit: "queries/s", role: .load,
      isCounter: true, example: #"mysql_global_status_commands_total{command="select"} 98765"#),
    Row(
      name: "mysql_global_status_slow_queries", kind: .dbSlowQueries, unit: "queries/s", role: .resource,
      isCounter: true, example: "mysql_global_status_slow_queries 17"),
    Row(
      name: "mysql_global_status_innodb_row_lock_current_waits", kind: .dbRowLockWaits, unit: "waits",
      role: .resource, isCounter: false, example: "mysql_global_status_innodb_row_lock_current_waits 4"),
    Row(
      name: "mysql_global_status_innodb_row_lock_waits", kind: .dbRowLockWaits, unit: "waits/s",
      role: .resource,
      isCounter: true, example: "mysql_global_status_innodb_row_lock_waits 310"),
    Row(
      name: "mysql_global_status_innodb_row_lock_time", kind: .dbRowLockTime, unit: "ms/s", role: .resource,
      isCounter: true, example: "mysql_global_status_innodb_row_lock_time 90210"),
    Row(
      name: "mysql_global_status_table_locks_waited", kind: .dbRowLockWaits, unit: "waits/s", role: .context,
      isCounter: true, example: "mysql_global_status_table_locks_waited 2"),
    Row(
      name: "mysql_global_status_uptime", kind: .dbUptime, unit: "s", role: .resource, isCounter: false,
      example: "mysql_global_status_uptime 86400"),
    Row(
      name: "mysql_up", kind: .dbUp, unit: "", role: .resource, isCounter: false, example: "mysql_up 1"),
    Row(
      name: "mysql_global_status_innodb_buffer_pool_reads", kind: .metric, unit: "reads/s", role: .context,
      isCounter: true, example: "mysql_global_status_innodb_buffer_pool_reads 5123"),
    Row(
      name: "mysql_global_status_innodb_buffer_pool_read_requests", kind: .metric, unit: "reads/s",
      role: .context, isCounter: true, example: "mysql_global_status_innodb_buffer_pool_read_requests 912345"),
    Row(
      name: "mysql_info_schema_processlist_processes_by_user", kind: .dbConnections, unit: "connections",
      role: .resource, clientLabel: "mysql_user",
      isCounter: false,
      example: #"mysql_info_schema_processlist_processes_by_user{mysql_user="shipping"} 140"#),
    Row(
      name: "mysql_info_schema_processlist_processes_by_host", kind: .dbConnectionsByHost,
      unit: "connections",
      role: .context, isCounter: false,
      example: #"mysql_info_schema_processlist_processes_by_host{client_host="10.0.3.7"} 30"#),
    Row(
      name: "mysql_info_schema_processlist_threads", kind: .dbConnectionsByCommand, unit: "connections",
      role: .resource, isCounter: false,
      example: #"mysql_info_schema_processlist_threads{command="sleep",state=""} 140"#),
    Row(
      name: "mysql_info_schema_threads", kind: .dbConnectionsByCommand, unit: "connections", role: .resource,
      isCounter: false, example: #"mysql_info_schema_threads{state="sleeping"} 140"#),
    Row(
      name: "mysql_info_schema_processlist_seconds", kind: .dbQueryTime, unit: "s", role: .resource,
      isCounter: false,
      example: #"mysql_info_schema_processlist_seconds{command="query",state="executing"} 95"#),
    Row(
      name: "mysql_slave_status_seconds_behind_master", kind: .dbReplicationLag, unit: "s", role: .resource,
      isCounter: false, example: #"mysql_slave_status_seconds_behind_master{channel_name=""} 12"#),
    Row(
      name: "vmstat_cpu_busy_percent", kind: .cpuUsage, unit: "%", role: .resource, isCounter: false,
      example: "vmstat_cpu_busy_percent 97"),
    Row(
      name: "vmstat_cpu_iowait_percent", kind: .cpuUsage, unit: "%", role: .context, isCounter: false,
      example: "vmstat_cpu_iowait_percent 12"),
    Row(
      name: "vmstat_run_queue", kind: .threads, unit: "processes", role: .context, isCounter: false,
      example: "vmstat_run_queue 31"),
  ]

  private static let byName: [String: Row] = Dictionary(rows.map { ($0.name, $0) }) { first, _ in first }

  /// Labels Prometheus adds for the scrape target: where a series came from, not what it measures.
  private static let scrapeLabels: Set<String> = ["instance", "job"]

  /// The row for a series name, if MySQL's vocabulary has one.
  static func row(named name: String) -> Row? { byName[name] }

  /// What `series` means, nil when no row names it.
  static func meaning(of series: MetricSeries) -> MetricVocabulary.Meaning? {
    guard let row = byName[series.name] else { return nil }
    let meaningful = series.labels.filter { !scrapeLabels.contains($0.name) }
    let subject =
      meaningful.isEmpty ? nil : meaningful.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    return MetricVocabulary.Meaning(
      component: ProcesslistAggregate.component, kind: row.kind, subject: subject, unit: row.unit,
      role: row.role,
      isCounter: row.isCounter, client: row.clientLabel.flatMap { series.label($0) }, scale: 1)
  }
}
