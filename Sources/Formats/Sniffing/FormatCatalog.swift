/// Every input format with a one-line description and a real example line, for `postmortem formats`.
public enum FormatCatalog {
  public struct Entry: Sendable, Equatable {
    public let format: Format
    public let summary: String
    public let example: String
  }

  /// In `Format.allCases` order, which is also the order detection prefers on a tie.
  public static let entries: [Entry] = Format.allCases.map(entry)

  /// The switch is exhaustive, so a new format cannot ship without its description.
  public static func entry(for format: Format) -> Entry {
    switch format {
    case .springBoot:
      Entry(
        format: format,
        summary: "Spring Boot / logback console lines (2.x local time, 3.x ISO time); stack traces folded",
        example:
          "2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.engine.jdbc.spi.SqlExceptionHelper   : "
          + "HikariPool-1 - Connection is not available, request timed out after 30000ms.")
    case .monolog:
      Entry(
        format: format, summary: "PHP monolog LineFormatter: `[time] channel.LEVEL: message context extra`",
        example:
          "[2026-11-27 03:04:11] app.ERROR: Database error SQLSTATE[HY000] [1040] Too many connections [] []")
    case .mysqlErrorLog:
      Entry(
        format: format,
        summary:
          "MySQL 5.7 / 8.0 (`[MY-nnnnnn] [Server]`) and MariaDB error log: time, thread, [Note|Warning|ERROR]; "
          + "RDS's END OF LOG trailer skipped",
        example:
          "2018-12-26T03:11:00.156070Z 300 [Note] Aborted connection 300 to db: 'usercenter' user: 'usercenter' "
          + "host: '10.1.44.162' (Got timeout reading communication packets)")
    case .jsonLines:
      Entry(
        format: format,
        summary: "JSON object per line (pino, bunyan, zap, Docker json-file): time/ts/@timestamp, level, msg",
        example:
          #"{"level":"error","time":1764649283657,"pid":1,"hostname":"91565f6a2406","msg":"connect ECONNREFUSED","v":1}"#
      )
    case .envoyAccess:
      Entry(
        format: format, summary: "Envoy / Istio sidecar access log, default text format (HTTP and TCP lines)",
        example:
          #"[2022-08-22T13:08:23.188Z] "GET /reviews/0 HTTP/1.1" 200 - via_upstream - "-" 0 442 12 12 "-" "curl/7.79.1" "#
          + #""00bcf1d7-12c4-93b9-b36a-bc0faac8e428" "reviews:9080" "10.124.1.5:9080" "#
          + "outbound|9080||reviews.default.svc.cluster.local 10.124.2.6:50960 10.0.18.132:9080 10.124.2.6:52930 - default"
      )
    case .envoyAccessJSON:
      Entry(
        format: format,
        summary:
          "Envoy / Istio access log in JSON (accessLogEncoding: JSON): start_time, response_code, duration",
        example:
          #"{"start_time":"2020-11-25T21:26:18.409Z","method":"GET","path":"/status/418","response_code":418,"#
          + #""duration":4,"upstream_cluster":"outbound|8000||httpbin.foo.svc.cluster.local"}"#)
    case .nginxAccess:
      Entry(
        format: format,
        summary: "nginx main/combined and Apache common/combined access log, optional $request_time",
        example:
          #"192.168.1.100 - - [26/Feb/2026:10:00:01 +0000] "GET /health HTTP/1.1" 200 0 "-" "kube-probe/1.28""#
      )
    case .haproxy:
      Entry(
        format: format,
        summary:
          "HAProxy HTTP and TCP logs (syslog or raw): timers, status, termination state, backend/server",
        example:
          "Feb 26 00:29:44 lb1 haproxy[7]: 178.203.144.192:50210 [26/Feb/2019:00:29:44.326] web~ app/nginx1 "
          + #"0/0/1/48/49 200 3313 - - ---- 3/2/0/0/0 0/0 "GET /cart HTTP/1.1""#)
    case .awsAccess:
      Entry(
        format: format,
        summary:
          "AWS Application and classic Load Balancer access logs: processing times, status, target group",
        example:
          "http 2016-08-10T22:08:42.945958Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 "
          + #"0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - "#
          + "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067")
    case .s3Access:
      Entry(
        format: format,
        summary: "Amazon S3 server access logs: operation, status, total time; bucket = upstream",
        example:
          "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 "
          + "[06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be "
          + #"3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /awsexamplebucket1?versioning HTTP/1.1" 200 - 113 - 7 -"#
      )
    case .uwsgi:
      Entry(
        format: format,
        summary: "uWSGI request log: `… [time] GET /path => generated N bytes in N msecs (HTTP/1.1 200)`",
        example:
          "[pid: 24386|app: 0|req: 482950/4125645] 86.221.170.65 () {44 vars in 1322 bytes} [Tue Jan  3 05:01:31 2012] "
          + "GET /contest/ => generated 192 bytes in 21 msecs (HTTP/1.1 200) 4 headers in 188 bytes (1 switches on core 0)"
      )
    case .postgresql:
      Entry(
        format: format,
        summary:
          "PostgreSQL stderr log, any log_line_prefix that starts with the time; zone abbreviations read",
        example: "2025-08-13 01:45:01.127 PDT [12347] FATAL:  sorry, too many clients already")
    case .redis:
      Entry(
        format: format, summary: "Redis and Sentinel logs (3.x+ `pid:role time mark`, 2.x `[pid] time mark`)",
        example: "1:M 29 Aug 2023 13:47:38.984 # WARNING: The TCP backlog setting of 511 cannot be enforced.")
    case .glog:
      Entry(
        format: format,
        summary: "glog / klog (kubelet, control plane): `Lmmdd hh:mm:ss.uuuuuu tid file:line] msg`",
        example: "E0517 15:04:22.619632 1952452992 kubelet.go:2453] \"Error syncing pod, skipping\"")
    case .apacheError:
      Entry(
        format: format, summary: "Apache httpd error log (2.2 and 2.4 `[module:level]`) and CUPS's error log",
        example:
          "[Tue Apr 04 06:28:08.605341 2017] [core:error] [pid 17962] [client 127.0.0.1:60444] AH00135: Invalid method"
      )
    case .journald:
      Entry(
        format: format,
        summary: "systemd journal as `journalctl -o json`: realtime µs, PRIORITY, unit = service, MESSAGE",
        example:
          #"{"__REALTIME_TIMESTAMP":"1700000000123456","PRIORITY":"3","_SYSTEMD_UNIT":"nginx.service","#
          + #""SYSLOG_IDENTIFIER":"nginx","MESSAGE":"connect() failed (111: Connection refused)"}"#)
    case .mongodb:
      Entry(
        format: format, summary: "MongoDB 4.4+ structured JSON log: t.$date, s (F/E/W/I/D1–D5), c, msg",
        example:
          #"{"t":{"$date":"2020-05-01T15:16:17.180+00:00"},"s":"W","c":"NETWORK","id":23016,"ctx":"listener","#
          + #""msg":"Connection refused because there are too many open connections"}"#)
    case .dockerCompose:
      Entry(
        format: format,
        summary:
          "`docker compose logs` output: `svc-1  | …` split into services, each inner line read in its format",
        example: "api-1  | 2026-11-27 03:04:11,207 - payment - ERROR - Payment failed: connection refused")
    case .prometheusText:
      Entry(
        format: format,
        summary: "Prometheus text exposition with millisecond timestamps, scrapes concatenated",
        example: #"http_requests_total{method="post",code="200"} 1027 1395066363000"#)
    case .prometheusQueryRange:
      Entry(
        format: format,
        summary: "Prometheus HTTP API /api/v1/query_range (matrix) or /api/v1/query (vector) JSON",
        example:
          #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up","job":"node"},"#
          + #""values":[[1435781430.781,"1"]]}]}}"#)
    case .promtoolDump:
      Entry(
        format: format,
        summary: "promtool tsdb dump: `{__name__=…, labels} value milliseconds`, a sample a line",
        example: #"{__name__="mysql_global_status_threads_connected", instance="db1:9104"} 151 1795748651000"#
      )
    case .victoriaMetricsExport:
      Entry(
        format: format, summary: "VictoriaMetrics /api/v1/export JSON lines: metric, values, timestamps (ms)",
        example:
          #"{"metric":{"__name__":"up","job":"node"},"values":[1,1],"timestamps":[1795748640000,1795748650000]}"#
      )
    case .grafanaCSV:
      Entry(
        format: format,
        summary:
          "Grafana panel CSV export: series joined by time, a frame per series, or ≤ 6.x series as rows; , or ; "
          + "delimited; units undone",
        example: #""Time","{destination_workload=""shipping""}""#)
    case .cloudWatch:
      Entry(
        format: format,
        summary:
          "AWS CloudWatch get-metric-data / get-metric-statistics JSON (aws CLI): RDS DatabaseConnections, …",
        example:
          #"{"MetricDataResults":[{"Id":"m1","Label":"DatabaseConnections","Timestamps":["2026-11-27T03:05:00+00:00"],"Values":[151.0]}]}"#
      )
    case .grafanaQuery:
      Entry(
        format: format,
        summary:
          "Grafana data source response JSON (/api/ds/query, Inspect → Query): frames of time and value fields",
        example:
          #"{"results":{"A":{"frames":[{"schema":{"fields":[{"name":"Time","type":"time"},{"name":"Value","labels":{"job":"api"}}]},"data":{"values":[[1795748650000],[0.5]]}}]}}}"#
      )
    case .mysqlProcesslistTable:
      Entry(
        format: format, summary: "MySQL SHOW [FULL] PROCESSLIST as the mysql client prints it (table form)",
        example:
          "| 52605 | rdsadmin | localhost:26632  | mysql | Sleep   |   13 |             | NULL             |")
    case .mysqlProcesslistVertical:
      Entry(
        format: format,
        summary:
          "MySQL processlist in \\G vertical form (pt-stalk -processlist files, information_schema and "
          + "performance_schema selections): a `Field: value` block per row after `*** N. row ***`",
        example: "      Command: Sleep")
    case .mysqlProcesslistBatch:
      Entry(
        format: format,
        summary:
          "MySQL processlist as mysql -B prints it: a tab-separated header (any letter case), NULL or \\N, "
          + "escaped \\t \\n \\\\ \\0 in values",
        example: "21\tmsandbox\tlocalhost:54732\tNULL\tBinlog Dump\t3081\tHas sent all binlog to slave; "
          + "waiting for binlog to be updated\tNULL")
    case .mysqlStatusTable:
      Entry(
        format: format,
        summary:
          "mysqladmin extended-status tables (-i N, -r differences) and SHOW GLOBAL STATUS / SHOW VARIABLES "
          + "tables; time from TS lines or a pt-stalk file name",
        example: "| Threads_connected                             | 3                                  |")
    case .mysqlStatusBatch:
      Entry(
        format: format,
        summary: "SHOW GLOBAL STATUS / SHOW VARIABLES as mysql -B or -e prints them (pt-stalk -variables)",
        example: "max_connections\t151")
    case .mysqlStatusVertical:
      Entry(
        format: format,
        summary: "SHOW GLOBAL STATUS / SHOW VARIABLES with \\G: Variable_name and Value lines",
        example: "        Value: 151")
    case .mysqlSlowLog:
      Entry(
        format: format,
        summary:
          "MySQL / Percona / MariaDB slow query log: # Time, # User@Host, # Query_time …, SET timestamp, "
          + "multi-line statements, fingerprinted as pt-query-digest does",
        example: "# Query_time: 0.003464  Lock_time: 0.000324 Rows_sent: 1000  Rows_examined: 2000")
    case .mysqlInnoDBStatus:
      Entry(
        format: format,
        summary:
          "SHOW ENGINE INNODB STATUS (table, \\G, -B, pt-stalk -innodbstatus1/2): transactions, lock waits, "
          + "the latest deadlock, history list length, semaphore waits",
        example: "---TRANSACTION 1236, ACTIVE 120 sec")
    case .mysqlLockWaits:
      Entry(
        format: format,
        summary:
          "Lock-wait query rows in \\G form (pt-stalk -lock-waits, sys.innodb_lock_waits, "
          + "information_schema.innodb_lock_waits joined to innodb_trx): waiter and blocking thread",
        example: "   blocking_thread: 10")
    case .vmstat:
      Entry(
        format: format,
        summary:
          "vmstat N (pt-stalk -vmstat): CPU busy, I/O wait and run queue of the database host, dated from the "
          + "file name's capture time and the interval (1 s, pt-stalk's default), the first since-boot line skipped",
        example: " 2  0      0 1234567  12345 678901    0    0     1     5   10   20  5  2 93  0  0")
    case .logfmt:
      Entry(
        format: format,
        summary:
          "logfmt (logrus text, go-kit, Grafana): time/ts, level, msg key=value pairs; service/app = service",
        example: #"time="2026-11-27T03:04:11Z" level=error msg="pool exhausted" service=shipping"#)
    case .criLog:
      Entry(
        format: format,
        summary:
          "Kubernetes CRI container log (containerd, CRI-O): runtime time, stream, F/P; partial lines joined",
        example:
          "2026-11-27T03:04:11.123456789Z stdout F 2026-11-27 03:04:11.120 ERROR 1 --- [exec-7] c.i.s.Ctrl : timeout"
      )
    case .lokiExport:
      Entry(
        format: format,
        summary:
          "Loki logcli export, default output and --output=jsonl; the app/service/container label = service",
        example: #"2026-11-27T03:04:11+01:00 {app="shipping", pod="shipping-7d9f8c-abcde"} pool exhausted"#)
    case .syslog:
      Entry(
        format: format,
        summary:
          "Syslog: BSD/RFC 3164 (year from --year or the file date), rsyslog file format, RFC 5424; app = service",
        example: "Nov 27 03:04:11 db1 sshd[2415]: Accepted publickey for deploy from 10.0.3.7 port 51234 ssh2"
      )
    case .textLog:
      Entry(
        format: format,
        summary:
          "Time-stamped text, any of the time shapes logs write near the line's start (Python, Go, log4j, Java "
          + "Service Wrapper, Spark, HDFS, Rails, spdlog, VMware, …); level word or letter if any",
        example: "2026-11-27 03:04:11,207 - payment - ERROR - Payment failed: connection refused")
    }
  }
}
