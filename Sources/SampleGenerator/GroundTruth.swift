/// What the generator put into a bundle, written beside it as `ground-truth.json` so tests can check a
/// report against it (never read by the analyzer itself).
public struct GroundTruth: Sendable, Equatable, Codable {
  public var scenario: String
  public var seed: UInt64
  public var window: Window
  public var rootCause: Cause
  /// Components hurt only through the shared resource.
  public var collateral: [String]
  /// Causes a correct report rules out (`traffic`, `database`…).
  public var ruledOut: [String]
  /// When each injected change begins, in injection order.
  public var events: [Event]

  public struct Window: Sendable, Equatable, Codable {
    public var from: String
    public var to: String
    public init(from: String, to: String) {
      self.from = from
      self.to = to
    }
  }

  public struct Cause: Sendable, Equatable, Codable {
    public var component: String
    /// One of the `rca.json` root-cause kinds (`connection-exhaustion`, `service-latency`…).
    public var kind: String
    public var resource: String?
    /// When the fault began (the leak's first connection, the slowdown's start).
    public var onset: String?
    public init(component: String, kind: String, resource: String?, onset: String? = nil) {
      self.component = component
      self.kind = kind
      self.resource = resource
      self.onset = onset
    }
  }

  /// One injected change, named in the vocabulary of `rca.json` timeline entries.
  public struct Event: Sendable, Equatable, Codable {
    /// Where it is observed: `mysql` for database signals, else the service.
    public var component: String
    /// A DB user or log-template hint, matching a timeline entry's `subject` when set.
    public var subject: String?
    /// A `signalKind` of `rca.json` (`db-connections`, `latency-p90`, `error-rate`, `log-template`…).
    public var signalKind: String
    /// `rise`, `drop`, `plateau` or `new`.
    public var change: String
    public var time: String

    public init(component: String, subject: String?, signalKind: String, change: String, time: String) {
      self.component = component
      self.subject = subject
      self.signalKind = signalKind
      self.change = change
      self.time = time
    }
  }

  public init(
    scenario: String, seed: UInt64, window: Window, rootCause: Cause, collateral: [String],
    ruledOut: [String],
    events: [Event]
  ) {
    self.scenario = scenario
    self.seed = seed
    self.window = window
    self.rootCause = rootCause
    self.collateral = collateral
    self.ruledOut = ruledOut
    self.events = events
  }
}
