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

  public init(name: String, labels: [Label], kind: Kind) {
    self.name = name
    self.labels = labels.sorted { $0.name < $1.name }
    self.kind = kind
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

  public init(series: Int, time: Timestamp, value: Double) {
    self.series = series
    self.time = time
    self.value = value
  }
}
