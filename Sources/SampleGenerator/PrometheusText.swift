/// Metric dumps as Prometheus writes them: text exposition with ms timestamps, and `query_range` JSON.
enum PrometheusText {
  struct Family {
    var name: String
    var help: String
    var type: String
    var samples: [(labels: String, value: Double)]
  }

  static func scrape(_ families: [Family], milliseconds: Int64) -> String {
    var text = ""
    for family in families {
      text += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) \(family.type)\n"
      for sample in family.samples {
        text +=
          "\(family.name)\(sample.labels.isEmpty ? "" : "{\(sample.labels)}") \(number(sample.value)) \(milliseconds)\n"
      }
    }
    return text
  }

  /// A `/api/v1/query_range` matrix response with one series; times in float seconds, values as strings.
  static func queryRange(metric: [(String, String)], points: [(seconds: Int64, value: Double)]) -> String {
    let labels = metric.map { "\"\($0.0)\":\"\($0.1)\"" }.joined(separator: ",")
    let values = points.map { "[\($0.seconds),\"\(number($0.value))\"]" }.joined(separator: ",")
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\(labels)},"
      + "\"values\":[\(values)]}]}}\n"
  }

  /// Integers without a fraction, as Go's `%g` prints them for counters and gauges of this size.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
