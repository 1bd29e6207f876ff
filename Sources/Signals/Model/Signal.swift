/// What part a signal plays when the causal chain is scored.
public enum SignalRole: String, Sendable, Codable {
  /// Offered load (request rates): a rise before the symptoms points to a traffic surge.
  case load
  /// What users feel (latency, errors, error log lines).
  case symptom
  /// A shared resource's state (connections, idle ages, limits).
  case resource
  /// Context without a direction of its own (info log rates, untyped metrics).
  case context
  /// A change made to the system (a deploy, a restart, a config change): a candidate trigger.
  case change
}

/// The identity of a signal: where it is observed, what it measures, and a narrower subject.
public struct SignalKey: Sendable, Hashable, Comparable {
  /// A service (`shipping`) or a shared resource (`mysql`).
  public var component: String
  public var kind: SignalKind
  /// A DB user, a command, a log level, a template id, a metric's labels; nil for the component as a whole.
  public var subject: String?
  /// Disambiguates two sources of the same measure (the proxy's and nginx's request counts).
  public var source: String?

  public init(component: String, kind: SignalKind, subject: String? = nil, source: String? = nil) {
    self.component = component
    self.kind = kind
    self.subject = subject
    self.source = source
  }

  /// The `source` of signals read from clients' logs rather than from the component itself (a database's
  /// refusals as its clients logged them).
  public static let clientLogSource = "client log"

  public static func < (lhs: SignalKey, rhs: SignalKey) -> Bool {
    (lhs.component, lhs.kind.rawValue, lhs.subject ?? "", lhs.source ?? "")
      < (rhs.component, rhs.kind.rawValue, rhs.subject ?? "", rhs.source ?? "")
  }
}

/// A line of input that illustrates a signal, cited as `file:line` in the report.
public struct ExampleLine: Sendable, Equatable {
  public var path: String
  public var line: Int
  public var milliseconds: Int64
  public var text: String

  public init(path: String, line: Int, milliseconds: Int64, text: String) {
    self.path = path
    self.line = line
    self.milliseconds = milliseconds
    self.text = text
  }
}

/// A named series on fixed time buckets: the unit of change detection.
public struct Signal: Sendable, Equatable {
  public var key: SignalKey
  /// Readable name for the report (`shipping latency p90`, `mysql connections {user=shipping}`).
  public var name: String
  public var unit: String
  public var role: SignalRole
  /// Epoch milliseconds of `values[0]` and the bucket width; coarse sources keep their own width.
  public var startMilliseconds: Int64
  public var stepMilliseconds: Int64
  /// NaN marks a bucket without data (a gap, not a zero).
  public var values: [Double]
  /// Files the signal was computed from, in path order.
  public var sources: [String]
  /// Example input lines, earliest first (a log template's first occurrences).
  public var examples: [ExampleLine]
  /// The exact time of the first record, when it is known more precisely than the bucket.
  public var firstSeenMilliseconds: Int64?
  /// Who drives the signal when it is not the component itself: the DB user or service whose connections
  /// these are, the caller whose requests a route counts.
  public var client: String?
  /// The shared thing the signal concerns when it is not the component: the database a client's refusals
  /// came from, the external host its calls time out against.
  public var resource: String?

  public init(
    key: SignalKey, name: String, unit: String, role: SignalRole, startMilliseconds: Int64,
    stepMilliseconds: Int64, values: [Double], sources: [String], examples: [ExampleLine] = [],
    firstSeenMilliseconds: Int64? = nil, client: String? = nil, resource: String? = nil
  ) {
    self.key = key
    self.name = name
    self.unit = unit
    self.role = role
    self.startMilliseconds = startMilliseconds
    self.stepMilliseconds = stepMilliseconds
    self.values = values
    self.sources = sources
    self.examples = examples
    self.firstSeenMilliseconds = firstSeenMilliseconds
    self.client = client
    self.resource = resource
  }

  /// Epoch milliseconds of the bucket at `index`.
  public func milliseconds(at index: Int) -> Int64 {
    startMilliseconds + Int64(index) * stepMilliseconds
  }
}
