/// A line parser of one concrete type, chosen for a source once its format is known.
///
/// Its two closures are built by a generic initialiser called with each concrete parser type, so `parse` is
/// specialised and inlined into `feed`: choosing the format costs one indirect call per line, never an
/// existential dispatch inside the parser.
struct BoundParser {
  typealias Consumer = (Record, RecordContext) -> Void

  /// Parses one line and hands its records on.
  let feed:
    (_ line: UnsafeRawBufferPointer, _ number: Int, _ tally: inout RecordTally, _ body: Consumer)
      throws(FormatError) -> Void
  /// Hands on the records still pending at the end (stamped with the last line's number); returns the
  /// parser's series table, whether it assumed a zone, and its fault, if any.
  let finish:
    (_ lastLine: Int, _ tally: inout RecordTally, _ body: Consumer) throws(FormatError) -> (
      series: [MetricSeries], assumedZone: Bool, fault: FormatError?
    )

  /// Whether each line is read on its own (`LineParser.linesAreIndependent`).
  let linesAreIndependent: Bool

  /// Nil for whole-document formats.
  init?(format: Format, context: ParserContext) {
    switch format {
    case .springBoot: self.init(SpringBootParser.self, context: context)
    case .monolog: self.init(MonologParser.self, context: context)
    case .mysqlErrorLog: self.init(MySQLErrorLogParser.self, context: context)
    case .jsonLines: self.init(JSONLinesParser.self, context: context)
    case .envoyAccess: self.init(EnvoyAccessParser.self, context: context)
    case .envoyAccessJSON: self.init(EnvoyJSONAccessParser.self, context: context)
    case .nginxAccess: self.init(NginxAccessParser.self, context: context)
    case .prometheusText: self.init(PrometheusTextParser.self, context: context)
    case .promtoolDump: self.init(PromtoolDumpParser.self, context: context)
    case .victoriaMetricsExport: self.init(VictoriaMetricsExportParser.self, context: context)
    case .grafanaCSV: self.init(GrafanaCSVParser.self, context: context)
    case .mysqlProcesslistTable: self.init(ProcesslistTableParser.self, context: context)
    case .mysqlProcesslistVertical: self.init(ProcesslistVerticalParser.self, context: context)
    case .mysqlProcesslistBatch: self.init(ProcesslistBatchParser.self, context: context)
    case .mysqlStatusTable: self.init(StatusTableParser.self, context: context)
    case .mysqlStatusBatch: self.init(StatusBatchParser.self, context: context)
    case .mysqlStatusVertical: self.init(StatusVerticalParser.self, context: context)
    case .mysqlSlowLog: self.init(SlowLogParser.self, context: context)
    case .mysqlInnoDBStatus: self.init(InnoDBStatusParser.self, context: context)
    case .mysqlLockWaits: self.init(LockWaitsParser.self, context: context)
    case .vmstat: self.init(VmstatParser.self, context: context)
    case .syslog: self.init(SyslogParser.self, context: context)
    case .haproxy: self.init(HAProxyParser.self, context: context)
    case .awsAccess: self.init(AWSAccessParser.self, context: context)
    case .s3Access: self.init(S3AccessParser.self, context: context)
    case .uwsgi: self.init(UWSGIParser.self, context: context)
    case .postgresql: self.init(PostgreSQLParser.self, context: context)
    case .redis: self.init(RedisParser.self, context: context)
    case .glog: self.init(GlogParser.self, context: context)
    case .apacheError: self.init(ApacheErrorParser.self, context: context)
    case .journald: self.init(JournaldParser.self, context: context)
    case .mongodb: self.init(MongoDBParser.self, context: context)
    case .dockerCompose: self.init(DockerComposeParser.self, context: context)
    case .logfmt: self.init(LogfmtParser.self, context: context)
    case .criLog: self.init(CRILogParser.self, context: context)
    case .lokiExport: self.init(LokiExportParser.self, context: context)
    case .textLog: self.init(TextLogParser.self, context: context)
    case .prometheusQueryRange, .cloudWatch, .grafanaQuery: return nil
    }
  }

  private init<P: LineParser>(_: P.Type, context: ParserContext) {
    var parser = P(context: context)
    linesAreIndependent = P.linesAreIndependent
    var borrowed = P.format.readsEvents ? BorrowedReaders(context: context, own: P.format) : nil
    feed = { (line, number, tally, body) throws(FormatError) in
      let record = parser.parse(line, number: number)
      if borrowed != nil, Self.mayBorrow(record, line),
        let other = borrowed!.read(line, number: number)
      {
        tally.borrow(other.record, from: other.format, line: line, number: number, to: body)
      } else {
        tally.deliver(record, line: line, number: number, to: body)
      }
      while let record = parser.nextCompleted() {
        tally.deliver(record, line: line, number: number, to: body)
      }
    }
    finish = { (lastLine, tally, body) throws(FormatError) in
      let nothing = UnsafeRawBufferPointer(start: nil, count: 0)
      while let record = parser.finish() { tally.deliver(record, line: nothing, number: lastLine, to: body) }
      while let record = parser.nextCompleted() {
        tally.deliver(record, line: nothing, number: lastLine, to: body)
      }
      return (parser.series, parser.assumedZone, parser.fault)
    }
  }

  /// Whether another format should be tried on a line the own one did not read as a record: one it could not
  /// read or found before any record, or one it folded into the record before although it starts a record.
  @inline(__always)
  private static func mayBorrow(_ record: Record, _ line: UnsafeRawBufferPointer) -> Bool {
    switch record {
    case .malformed, .structure: true
    case .continuation: BorrowedReaders.mayStartRecord(line)
    case .log, .request, .sample, .snapshot, .database: false
    }
  }
}
