/// The input formats Postmortem reads, each detected by content.
public enum Format: String, Sendable, CaseIterable, Codable {
  case springBoot = "spring-boot"
  case monolog
  case mysqlErrorLog = "mysql-error-log"
  case jsonLines = "json-lines"
  case logfmt
  case criLog = "cri-log"
  case lokiExport = "loki-export"
  case envoyAccess = "envoy-access"
  case envoyAccessJSON = "envoy-access-json"
  case nginxAccess = "nginx-access"
  case prometheusText = "prometheus-text"
  /// Before the Prometheus API response, whose sniffing a Grafana response (with `"status"` and `"data"` of
  /// its own) would pass too.
  case grafanaQuery = "grafana-query"
  case prometheusQueryRange = "prometheus-query-range"
  case promtoolDump = "promtool-dump"
  case victoriaMetricsExport = "victoriametrics-export"
  case grafanaCSV = "grafana-csv"
  case cloudWatch = "cloudwatch"
  case mysqlProcesslistTable = "mysql-processlist-table"
  case mysqlProcesslistVertical = "mysql-processlist-vertical"
  case mysqlProcesslistBatch = "mysql-processlist-batch"
  case mysqlStatusTable = "mysql-status-table"
  case mysqlStatusBatch = "mysql-status-batch"
  case mysqlStatusVertical = "mysql-status-vertical"
  case mysqlSlowLog = "mysql-slow-log"
  case mysqlInnoDBStatus = "mysql-innodb-status"
  case mysqlLockWaits = "mysql-lock-waits"
  /// `vmstat N` as pt-stalk's `-vmstat` captures it: no times, one line per interval.
  case vmstat
  case syslog
  /// Last: the fallback for time-stamped text that no specific format claims.
  case textLog = "text-log"

  /// Formats that read what others read too, more loosely: chosen only when no other recognises a line.
  var isFallback: Bool { self == .textLog }
}
