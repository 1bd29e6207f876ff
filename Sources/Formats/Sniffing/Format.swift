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
  /// Before syslog: HAProxy logs through syslog, and its lines are syslog lines too.
  case haproxy
  case awsAccess = "aws-access"
  case s3Access = "s3-access"
  case uwsgi
  case postgresql
  case redis
  case glog
  case apacheError = "apache-error"
  case journald
  case mongodb
  case dockerCompose = "docker-compose"
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

  /// Formats that read what others read too, more loosely: chosen only when no other recognises a line, or
  /// when it recognises at least twice as many lines as the best of the others (a Java log mixing layouts).
  var isFallback: Bool { self == .textLog }

  /// Logs and access logs: every line is a record, a line folded into the record before it, or skipped; they
  /// have no layout lines of their own, and a line one of them cannot read may be read by another.
  public var readsEvents: Bool {
    switch self {
    case .springBoot, .monolog, .mysqlErrorLog, .jsonLines, .logfmt, .criLog, .lokiExport, .envoyAccess,
      .envoyAccessJSON, .nginxAccess, .syslog, .textLog, .haproxy, .awsAccess, .s3Access, .uwsgi, .postgresql,
      .redis, .glog, .apacheError, .journald, .mongodb, .dockerCompose:
      true
    case .prometheusText, .grafanaQuery, .prometheusQueryRange, .promtoolDump, .victoriaMetricsExport,
      .grafanaCSV, .cloudWatch, .mysqlProcesslistTable, .mysqlProcesslistVertical, .mysqlProcesslistBatch,
      .mysqlStatusTable, .mysqlStatusBatch, .mysqlStatusVertical, .mysqlSlowLog, .mysqlInnoDBStatus,
      .mysqlLockWaits, .vmstat:
      false
    }
  }
}
