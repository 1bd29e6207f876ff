public import Signals

/// Re-exported under Analysis so report code can name it without importing Signals.
public typealias SignalKind = Signals.SignalKind

/// The findings of one analysis: what `rca.json` holds and what `RCA.md` renders.
///
/// The JSON shape is a contract (DESIGN.md): keys may be added, never renamed. Times are RFC 3339 UTC strings.
public struct RCADocument: Sendable, Equatable, Codable {
  public var title: String
  public var summary: String
  public var window: TimeWindow
  /// Bucket width of every signal, in seconds.
  public var resolutionSeconds: Int
  public var rootCause: RootCause
  public var chain: [CausalLink]
  public var alternatives: [Alternative]
  /// Every hypothesis every pattern formed (or why a pattern formed none), best first.
  public var hypotheses: [HypothesisRecord]
  public var ruledOut: [RuledOutCause]
  public var timeline: [TimelineEntry]
  public var impact: Impact
  public var mitigations: [Mitigation]
  public var followUps: [String]
  public var dataQuality: DataQuality

  public init(
    title: String, summary: String, window: TimeWindow, resolutionSeconds: Int, rootCause: RootCause,
    chain: [CausalLink], alternatives: [Alternative], hypotheses: [HypothesisRecord] = [],
    ruledOut: [RuledOutCause], timeline: [TimelineEntry], impact: Impact, mitigations: [Mitigation],
    followUps: [String], dataQuality: DataQuality
  ) {
    self.title = title
    self.summary = summary
    self.window = window
    self.resolutionSeconds = resolutionSeconds
    self.rootCause = rootCause
    self.chain = chain
    self.alternatives = alternatives
    self.hypotheses = hypotheses
    self.ruledOut = ruledOut
    self.timeline = timeline
    self.impact = impact
    self.mitigations = mitigations
    self.followUps = followUps
    self.dataQuality = dataQuality
  }
}

public struct TimeWindow: Sendable, Equatable, Codable {
  public var from: String
  public var to: String
  public init(from: String, to: String) {
    self.from = from
    self.to = to
  }
}

/// Kinds of root cause, as DESIGN.md lists them.
public enum IncidentKind: String, Sendable, Equatable, Codable, CaseIterable {
  case connectionExhaustion = "connection-exhaustion"
  case lockContention = "lock-contention"
  /// Formerly `slow-query`, which readers still accept.
  case databaseSaturation = "database-saturation"
  case databaseUnavailable = "database-unavailable"
  case dependencyFailure = "dependency-failure"
  case resourceSaturation = "resource-saturation"
  case serviceLatency = "service-latency"
  case errorBurst = "error-burst"
  case trafficSurge = "traffic-surge"
  case deployRegression = "deploy-regression"
  case unknown

  /// Names earlier versions wrote, read as their current kind.
  static let formerNames: [String: IncidentKind] = ["slow-query": .databaseSaturation]

  /// The kind a name stands for, current or former.
  public static func named(_ name: String) -> IncidentKind? {
    IncidentKind(rawValue: name) ?? formerNames[name]
  }

  public init(from decoder: any Decoder) throws {
    let name = try decoder.singleValueContainer().decode(String.self)
    guard let kind = Self.named(name) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath, debugDescription: "unknown incident kind '\(name)'"))
    }
    self = kind
  }
}

public struct RootCause: Sendable, Equatable, Codable {
  /// Where the fault originates: a service or DB client, or the database itself when nothing drives it.
  public var component: String
  public var kind: IncidentKind
  /// The shared thing through which the fault spreads to others; nil when it does not spread.
  public var resource: String?
  /// Who drives it when known: the DB user, host or caller.
  public var client: String?
  /// The change that started it (a deploy, a config change, a load source), when known.
  public var trigger: String?
  public var onset: String
  /// How far the true onset may lie from `onset`: at least the bucket of the evidence that dates it.
  public var uncertaintySeconds: Int?
  public var confidence: Double
  public var summary: String

  public init(
    component: String, kind: IncidentKind, resource: String?, client: String? = nil, trigger: String? = nil,
    onset: String, uncertaintySeconds: Int? = nil, confidence: Double, summary: String
  ) {
    self.component = component
    self.kind = kind
    self.resource = resource
    self.client = client
    self.trigger = trigger
    self.onset = onset
    self.uncertaintySeconds = uncertaintySeconds
    self.confidence = confidence
    self.summary = summary
  }
}

/// How a signal changed at a timeline entry.
public enum ChangeKind: String, Sendable, Equatable, Codable {
  /// A sustained level shift upwards or downwards.
  case rise, drop
  /// The series reached a known limit and stayed there.
  case plateau
  /// A count that was zero became non-zero (a new log template, first 5xx).
  case new
}

/// One piece of evidence a claim rests on: a line in a file, or a value of a signal at a time.
public struct Evidence: Sendable, Equatable, Codable {
  public var file: String?
  public var line: Int?
  public var time: String?
  public var text: String

  public init(file: String? = nil, line: Int? = nil, time: String? = nil, text: String) {
    self.file = file
    self.line = line
    self.time = time
    self.text = text
  }
}

/// One link of the suspected causal chain, in causal order.
public struct CausalLink: Sendable, Equatable, Codable {
  /// Where this step is observed (`mysql`, `shipping`).
  public var component: String
  /// `cause`, `resource`, `symptom` or `collateral`: this link's part in the chain.
  public var role: String
  public var symptom: String
  /// Readable signal name (`mysql connections {user=shipping}`).
  public var signal: String
  public var signalKind: SignalKind
  public var onset: String
  public var before: Double
  public var after: Double
  public var unit: String
  public var evidence: [Evidence]
  /// Indices (0-based) of the links this one follows from: along calls and shared resources, not time.
  /// Nil for the first link of a chain.
  public var causedBy: [Int]?

  public init(
    component: String, role: String, symptom: String, signal: String, signalKind: SignalKind, onset: String,
    before: Double, after: Double, unit: String, evidence: [Evidence], causedBy: [Int]? = nil
  ) {
    self.component = component
    self.role = role
    self.symptom = symptom
    self.signal = signal
    self.signalKind = signalKind
    self.onset = onset
    self.before = before
    self.after = after
    self.unit = unit
    self.evidence = evidence
    self.causedBy = causedBy
  }

  /// This link, following from the links at `indices`.
  public func with(causedBy indices: [Int]) -> CausalLink {
    var link = self
    link.causedBy = indices.isEmpty ? nil : indices
    return link
  }
}

/// One hypothesis a pattern formed, or the pattern's reason for forming none: `rca.json`'s `hypotheses`.
public struct HypothesisRecord: Sendable, Equatable, Codable {
  public var kind: IncidentKind
  /// The origin it names; nil when the pattern did not apply.
  public var component: String?
  public var resource: String?
  public var client: String?
  /// Sum of evidence weights (log-likelihood ratio, nats); 0 when the pattern did not apply.
  public var score: Double
  public var confidence: Double
  /// `root cause`, `alternative`, `below the bar` or `not applicable`.
  public var verdict: String
  public var why: String
  /// The deciding evidence, each with its weight: `+2 …` supports, `-2 …` contradicts.
  public var evidence: [String]

  public init(
    kind: IncidentKind, component: String?, resource: String?, client: String?, score: Double,
    confidence: Double, verdict: String, why: String, evidence: [String]
  ) {
    self.kind = kind
    self.component = component
    self.resource = resource
    self.client = client
    self.score = score
    self.confidence = confidence
    self.verdict = verdict
    self.why = why
    self.evidence = evidence
  }
}

public struct Alternative: Sendable, Equatable, Codable {
  public var component: String
  public var kind: IncidentKind
  public var confidence: Double
  public var why: String

  public init(component: String, kind: IncidentKind, confidence: Double, why: String) {
    self.component = component
    self.kind = kind
    self.confidence = confidence
    self.why = why
  }
}

public struct RuledOutCause: Sendable, Equatable, Codable {
  /// `traffic`, `deploy`, `database`, or a service name.
  public var cause: String
  public var why: String

  public init(cause: String, why: String) {
    self.cause = cause
    self.why = why
  }
}

/// One change on the UTC timeline.
public struct TimelineEntry: Sendable, Equatable, Codable {
  public var time: String
  /// The file (or files' common folder) the signal came from.
  public var source: String
  public var signal: String
  /// Where the change is observed (`mysql`, `shipping`).
  public var component: String
  /// A narrower subject within the component: a DB user, a log template id, a status class.
  public var subject: String?
  public var signalKind: SignalKind
  public var change: ChangeKind
  public var before: Double
  public var after: Double
  public var unit: String
  /// How far the true onset may lie from `time`: at least one bucket.
  public var uncertaintySeconds: Int

  public init(
    time: String, source: String, signal: String, component: String, subject: String?, signalKind: SignalKind,
    change: ChangeKind, before: Double, after: Double, unit: String, uncertaintySeconds: Int
  ) {
    self.time = time
    self.source = source
    self.signal = signal
    self.component = component
    self.subject = subject
    self.signalKind = signalKind
    self.change = change
    self.before = before
    self.after = after
    self.unit = unit
    self.uncertaintySeconds = uncertaintySeconds
  }
}

public struct Impact: Sendable, Equatable, Codable {
  /// Services whose error rate or latency changed for the worse.
  public var services: [String]
  /// Peak 5xx fraction (0…1) per service.
  public var peakErrorRate: [String: Double]
  public var peakLatencyP90Seconds: [String: Double]
  /// From the first symptom to the end of the window or the recovery, in seconds.
  public var durationSeconds: Int

  public init(
    services: [String], peakErrorRate: [String: Double], peakLatencyP90Seconds: [String: Double],
    durationSeconds: Int
  ) {
    self.services = services
    self.peakErrorRate = peakErrorRate
    self.peakLatencyP90Seconds = peakLatencyP90Seconds
    self.durationSeconds = durationSeconds
  }
}

/// A suggestion for the human on call; Postmortem never executes it.
public struct Mitigation: Sendable, Equatable, Codable {
  public var text: String
  /// Commands that would carry it out, shown as a code block.
  public var commands: [String]

  public init(text: String, commands: [String]) {
    self.text = text
    self.commands = commands
  }
}

public struct DataQuality: Sendable, Equatable, Codable {
  public var files: Int
  public var bytes: Int
  public var decodedBytes: Int
  public var lines: Int
  public var records: Int
  public var skipped: Int
  /// Records dropped because they fell outside `--from`/`--to`: read, but deliberately not analysed.
  public var recordsOutsideWindow: Int
  /// Per-file accounting, in path order.
  public var sources: [SourceQuality]
  /// Messages for files that could not be read whole, naming the file and line or byte offset.
  public var errors: [String]
  /// Sources whose times had no zone and were read as `--tz`.
  public var assumedZones: [String]
  /// What the extraction summarised rather than kept whole (series rolled up to their services).
  public var notes: [String]?

  public init(
    files: Int, bytes: Int, decodedBytes: Int, lines: Int, records: Int, skipped: Int,
    recordsOutsideWindow: Int = 0, sources: [SourceQuality], errors: [String], assumedZones: [String],
    notes: [String]? = nil
  ) {
    self.notes = notes
    self.recordsOutsideWindow = recordsOutsideWindow
    self.files = files
    self.bytes = bytes
    self.decodedBytes = decodedBytes
    self.lines = lines
    self.records = records
    self.skipped = skipped
    self.sources = sources
    self.errors = errors
    self.assumedZones = assumedZones
  }
}

public struct SourceQuality: Sendable, Equatable, Codable {
  public var path: String
  public var compression: String
  public var format: String?
  public var bytes: Int
  public var lines: Int
  public var records: Int
  /// Lines folded into the event before them (stack traces), at its time.
  public var continued: Int
  public var skipped: Int
  public var error: String?

  public init(
    path: String, compression: String, format: String?, bytes: Int, lines: Int, records: Int,
    continued: Int = 0, skipped: Int, error: String?
  ) {
    self.path = path
    self.compression = compression
    self.format = format
    self.bytes = bytes
    self.lines = lines
    self.records = records
    self.continued = continued
    self.skipped = skipped
    self.error = error
  }
}
