/// Which status variables are levels rather than running totals: most of `SHOW GLOBAL STATUS` counts events
/// since start-up (a rate is what matters), but some say how much there is now (`Threads_connected`), and a
/// rate of those would be meaningless. From the MySQL reference manual, "Server Status Variables", and the
/// Galera status list; names are the exporter's lower-cased keys. A level missing here is read as a counter.
enum StatusGauges {
  static func isGauge(_ key: String) -> Bool {
    if names.contains(key) { return true }
    if key.hasPrefix("wsrep_") { return !galeraCounters.contains(key) }
    return prefixes.contains { key.hasPrefix($0) } && key != "threads_created"
  }

  private static let names: Set<String> = [
    "uptime", "uptime_since_flush_status", "max_used_connections", "prepared_stmt_count",
    "innodb_page_size", "innodb_num_open_files", "innodb_available_undo_logs",
    "innodb_row_lock_current_waits",
    "innodb_row_lock_time_avg", "innodb_row_lock_time_max", "qcache_free_blocks", "qcache_free_memory",
    "qcache_queries_in_cache", "qcache_total_blocks", "slave_open_temp_tables", "replica_open_temp_tables",
    "tc_log_max_pages_used", "tc_log_page_size", "last_query_cost", "last_query_partial_plans",
    "not_flushed_delayed_rows", "delayed_insert_threads", "ssl_session_cache_size", "ssl_verify_depth",
    "ssl_verify_mode", "ssl_ctx_verify_depth", "ssl_ctx_verify_mode", "ssl_default_timeout",
    "ssl_session_cache_timeout", "rpl_semi_sync_master_clients", "rpl_semi_sync_source_clients",
    "rpl_semi_sync_master_wait_sessions", "rpl_semi_sync_source_wait_sessions", "memory_used",
    "memory_used_initial",
  ]

  /// `Threads_cached`, `Open_tables`, `Innodb_data_pending_reads`, `Key_blocks_unused`…
  private static let prefixes = [
    "threads_", "open_", "innodb_buffer_pool_bytes_", "innodb_data_pending_", "innodb_os_log_pending_",
    "key_blocks_", "innodb_undo_tablespaces_",
  ]

  /// Galera's status is mostly levels (`wsrep_cluster_size`, `wsrep_local_recv_queue`); these count.
  private static let galeraCounters: Set<String> = [
    "wsrep_replicated", "wsrep_replicated_bytes", "wsrep_received", "wsrep_received_bytes",
    "wsrep_local_commits", "wsrep_local_cert_failures", "wsrep_local_bf_aborts", "wsrep_local_replays",
    "wsrep_flow_control_sent", "wsrep_flow_control_recv", "wsrep_flow_control_paused_ns", "wsrep_repl_keys",
    "wsrep_repl_keys_bytes", "wsrep_repl_data_bytes", "wsrep_repl_other_bytes",
  ]
}
