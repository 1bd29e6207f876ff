/// What the `aws cloudwatch` CLI prints, as far as Postmortem reads it.
///
/// `get-metric-data`: `{"MetricDataResults":[{"Id":"m1","Label":"DatabaseConnections","Timestamps":[…],
/// "Values":[…],"StatusCode":"Complete"}]}`; `get-metric-statistics`: `{"Label":"CPUUtilization",
/// "Datapoints":[{"Timestamp":"…","Average":12.5,"Unit":"Percent"}]}`. Times are ISO 8601 with an offset.
struct CloudWatchResponse: Decodable {
  struct Result: Decodable {
    var id: String?
    var label: String?
    var timestamps: [String]
    var values: [Double]
    var statusCode: String?

    private enum CodingKeys: String, CodingKey {
      case id = "Id"
      case label = "Label"
      case timestamps = "Timestamps"
      case values = "Values"
      case statusCode = "StatusCode"
    }
  }

  struct Datapoint: Decodable {
    var timestamp: String
    /// The statistics asked for, by name (`Average`, `Maximum`, `p99`…), and `Unit`.
    var statistics: [String: Double]

    private struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      timestamp = try container.decode(String.self, forKey: Key(stringValue: "Timestamp"))
      var statistics: [String: Double] = [:]
      for key in container.allKeys where key.stringValue != "Timestamp" && key.stringValue != "Unit" {
        if let value = try? container.decode(Double.self, forKey: key) { statistics[key.stringValue] = value }
        if key.stringValue == "ExtendedStatistics",
          let extended = try? container.decode([String: Double].self, forKey: key)
        {
          statistics.merge(extended) { first, _ in first }
        }
      }
      self.statistics = statistics
    }
  }

  var metricDataResults: [Result]?
  var label: String?
  var datapoints: [Datapoint]?

  private enum CodingKeys: String, CodingKey {
    case metricDataResults = "MetricDataResults"
    case label = "Label"
    case datapoints = "Datapoints"
  }
}
