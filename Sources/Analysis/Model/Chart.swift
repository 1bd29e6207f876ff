/// A signal to draw in the report, with the changes found on it.
public struct Chart: Sendable, Equatable {
  public var title: String
  public var unit: String
  /// Epoch milliseconds of `values[0]`, and the bucket width.
  public var startMilliseconds: Int64
  public var stepMilliseconds: Int64
  /// NaN marks a gap.
  public var values: [Double]
  /// Times (epoch ms) and labels of the change points to mark.
  public var markers: [Marker]
  /// A horizontal limit to draw, such as `max_connections`.
  public var limit: Double?

  public struct Marker: Sendable, Equatable {
    public var milliseconds: Int64
    public var label: String
    public init(milliseconds: Int64, label: String) {
      self.milliseconds = milliseconds
      self.label = label
    }
  }

  public init(
    title: String, unit: String, startMilliseconds: Int64, stepMilliseconds: Int64, values: [Double],
    markers: [Marker], limit: Double?
  ) {
    self.title = title
    self.unit = unit
    self.startMilliseconds = startMilliseconds
    self.stepMilliseconds = stepMilliseconds
    self.values = values
    self.markers = markers
    self.limit = limit
  }
}

/// Everything the report renders: the JSON document plus the charts drawn from the signals.
public struct AnalysisResult: Sendable, Equatable {
  public var document: RCADocument
  public var charts: [Chart]

  public init(document: RCADocument, charts: [Chart]) {
    self.document = document
    self.charts = charts
  }
}
