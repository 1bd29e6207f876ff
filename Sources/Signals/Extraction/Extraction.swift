/// The signals of an incident's evidence, with what it cost to read them.
public struct Extraction: Sendable {
  /// The analysed window, epoch milliseconds, `end` exclusive.
  public var windowStart: Int64
  public var windowEnd: Int64
  public var stepMilliseconds: Int64
  /// Every signal, sorted by key.
  public var signals: [Signal]
  /// One outcome per source, in path order.
  public var sources: [SourceOutcome]
  /// Paths that could not be turned into sources (missing, unreadable).
  public var discoveryErrors: [String]
  /// The fullest processlist snapshot seen, if any: who held the connections.
  public var processlist: ProcesslistEvidence?
  /// The longest-running client statements of all processlist snapshots, longest first.
  public var longRunningQueries: [LongRunningQuery]
  /// The slow log's statement classes (fingerprints) by total time, most first: the database link's evidence.
  public var queryClasses: [QueryClassSummary]
  /// The InnoDB monitor's and the lock-wait queries' evidence: long open transactions, waits, deadlocks.
  public var innodb: InnoDBEvidence
  /// Services that have logs or access logs, sorted.
  public var services: [String]
  /// Each route an access log saw sent to an upstream, for the topology's proxy → service edges.
  public var upstreams: [UpstreamObservation]
  /// Access logs' requests by route, upstream, client and user agent (the busiest of each, the rest as
  /// `(other)`), sorted by key: kept apart from `signals`, whose request signals are each service's totals,
  /// until the engine's patterns read them by their `subject`, `client` and `resource`.
  public var breakdownSignals: [Signal]
  /// What the reading did to the evidence that the report's data quality should say (series rolled up).
  public var notes: [String]

  /// Builds an extraction from signals made elsewhere (another reader, a test).
  public init(
    windowStart: Int64, windowEnd: Int64, stepMilliseconds: Int64, signals: [Signal],
    sources: [SourceOutcome],
    discoveryErrors: [String], processlist: ProcesslistEvidence?, longRunningQueries: [LongRunningQuery] = [],
    queryClasses: [QueryClassSummary] = [], innodb: InnoDBEvidence = InnoDBEvidence(), services: [String],
    notes: [String] = [], upstreams: [UpstreamObservation] = [], breakdownSignals: [Signal] = []
  ) {
    self.queryClasses = queryClasses
    self.innodb = innodb
    self.windowStart = windowStart
    self.windowEnd = windowEnd
    self.stepMilliseconds = stepMilliseconds
    self.signals = signals
    self.sources = sources
    self.discoveryErrors = discoveryErrors
    self.processlist = processlist
    self.longRunningQueries = longRunningQueries
    self.services = services
    self.notes = notes
    self.upstreams = upstreams
    self.breakdownSignals = breakdownSignals
  }
}
