extension Format {
  /// The parser that reads this format line by line; nil for whole-document formats. Only sniffing goes through
  /// this existential (one static call per buffered line); reading dispatches on the concrete type.
  var lineParser: (any LineParser.Type)? {
    switch self {
    case .springBoot: SpringBootParser.self
    case .monolog: MonologParser.self
    case .mysqlErrorLog: MySQLErrorLogParser.self
    case .jsonLines: JSONLinesParser.self
    case .logfmt: LogfmtParser.self
    case .criLog: CRILogParser.self
    case .lokiExport: LokiExportParser.self
    case .envoyAccess: EnvoyAccessParser.self
    case .envoyAccessJSON: EnvoyJSONAccessParser.self
    case .nginxAccess: NginxAccessParser.self
    case .prometheusText: PrometheusTextParser.self
    case .promtoolDump: PromtoolDumpParser.self
    case .victoriaMetricsExport: VictoriaMetricsExportParser.self
    case .grafanaCSV: GrafanaCSVParser.self
    case .mysqlProcesslistTable: ProcesslistTableParser.self
    case .mysqlProcesslistVertical: ProcesslistVerticalParser.self
    case .mysqlProcesslistBatch: ProcesslistBatchParser.self
    case .mysqlStatusTable: StatusTableParser.self
    case .mysqlStatusBatch: StatusBatchParser.self
    case .mysqlStatusVertical: StatusVerticalParser.self
    case .mysqlSlowLog: SlowLogParser.self
    case .mysqlInnoDBStatus: InnoDBStatusParser.self
    case .mysqlLockWaits: LockWaitsParser.self
    case .vmstat: VmstatParser.self
    case .syslog: SyslogParser.self
    case .haproxy: HAProxyParser.self
    case .awsAccess: AWSAccessParser.self
    case .s3Access: S3AccessParser.self
    case .uwsgi: UWSGIParser.self
    case .postgresql: PostgreSQLParser.self
    case .redis: RedisParser.self
    case .glog: GlogParser.self
    case .apacheError: ApacheErrorParser.self
    case .journald: JournaldParser.self
    case .mongodb: MongoDBParser.self
    case .dockerCompose: DockerComposeParser.self
    case .textLog: TextLogParser.self
    case .prometheusQueryRange, .cloudWatch, .grafanaQuery: nil
    }
  }

  /// The parser that reads this format as one document; nil for line formats (those `lineParser` lists).
  var documentParser: (any DocumentParser.Type)? {
    switch self {
    case .prometheusQueryRange: PrometheusQueryRangeParser.self
    case .cloudWatch: CloudWatchParser.self
    case .grafanaQuery: GrafanaQueryParser.self
    default: nil
    }
  }
}
