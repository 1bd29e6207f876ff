/// The identity and type of one metric series: name plus sorted labels.
public struct MetricSeries: Sendable, Hashable {
  public enum Kind: String, Sendable, Codable {
    case counter, gauge, histogram, summary, untyped

    /// For sources that carry no TYPE (API responses, dumps, exports), the name decides: `_total`, `_count`
    /// and `_sum` are counters, `_bucket` with an `le` label a histogram, anything else a gauge.
    static func inferred(name: String, labels: [Label]) -> Kind {
      if name.hasSuffix("_total") || name.hasSuffix("_count") || name.hasSuffix("_sum") { return .counter }
      if name.hasSuffix("_bucket"), labels.contains(where: { $0.name == "le" }) { return .histogram }
      return .gauge
    }
  }

  public var name: String
  /// Labels sorted by name, so equal series compare equal whatever order a file wrote them in.
  public var labels: [Label]
  public var kind: Kind

  public struct Label: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// For the first of several series that differ only in the labels a rollup drops (`instance`, a pod's
  /// hash): the series they roll up to and how many they are. Not part of the identity.
  public var rollup: Rollup?

  /// Series rolled up to their service: `labels` are the group's, without `instance` and with each pod's
  /// name cut to its workload's.
  public struct Rollup: Sendable, Hashable {
    public var labels: [Label]
    public var members: Int
    public init(labels: [Label], members: Int) {
      self.labels = labels
      self.members = members
    }
  }

  public init(name: String, labels: [Label], kind: Kind) {
    self.name = name
    self.labels = labels.sorted { $0.name < $1.name }
    self.kind = kind
  }

  /// The series a rollup makes: this series' name and kind with the rollup's labels.
  public var rolledUp: MetricSeries? {
    rollup.map { MetricSeries(name: name, labels: $0.labels, kind: kind) }
  }

  public static func == (lhs: MetricSeries, rhs: MetricSeries) -> Bool {
    lhs.name == rhs.name && lhs.labels == rhs.labels && lhs.kind == rhs.kind
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(labels)
    hasher.combine(kind)
  }

  /// The value of the label called `name`, if the series has one.
  public func label(_ name: String) -> String? {
    labels.first { $0.name == name }?.value
  }
}

/// One sample of a series that a parser interned; `series` indexes the parser's `MetricSeries` table.
public struct MetricSample: Sendable, Equatable {
  public var series: Int
  public var time: Timestamp
  public var value: Double
  /// For a rolled-up series (`MetricSeries.rollup`): which of its members this sample belongs to, numbered
  /// per source; -1 when the series is not rolled up.
  public var member: Int32
  /// Whether `member` is the first of its rollup, whose own samples are kept as `series` (a rollup of one
  /// member stays that series).
  public var leads: Bool

  public init(series: Int, time: Timestamp, value: Double, member: Int32 = -1, leads: Bool = true) {
    self.series = series
    self.time = time
    self.value = value
    self.member = member
    self.leads = leads
  }
}
