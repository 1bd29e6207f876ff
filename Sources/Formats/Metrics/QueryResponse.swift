/// The shape of a Prometheus HTTP API response (`/api/v1/query_range`, `/api/v1/query`), as far as Postmortem
/// reads it; keys it does not need (`warnings`, `infos`, `stats`, native `histograms`) are ignored.
struct QueryResponse: Decodable {
  var status: String
  var data: QueryData?
  var errorType: String?
  var error: String?
}

struct QueryData: Decodable {
  var resultType: String
  var result: [QueryResult]

  private enum CodingKeys: String, CodingKey {
    case resultType, result
  }

  /// Reads `resultType` first: a `scalar` or `string` result is a bare pair, not a list of series.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    resultType = try container.decode(String.self, forKey: .resultType)
    guard resultType == "matrix" || resultType == "vector" else {
      throw DecodingError.dataCorruptedError(
        forKey: .resultType, in: container,
        debugDescription: "resultType \"\(resultType)\" has no series (only matrix and vector do)")
    }
    result = try container.decode([QueryResult].self, forKey: .result)
  }
}

/// One series: its labels, and `values` (matrix) or a single `value` (vector).
struct QueryResult: Decodable {
  var metric: [String: String]
  var values: [QueryPoint]?
  var value: QueryPoint?

  private enum CodingKeys: String, CodingKey {
    case metric, values, value
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    metric = try container.decodeIfPresent([String: String].self, forKey: .metric) ?? [:]
    values = try container.decodeIfPresent([QueryPoint].self, forKey: .values)
    value = try container.decodeIfPresent(QueryPoint.self, forKey: .value)
  }

  var points: [QueryPoint] { values ?? value.map { [$0] } ?? [] }
}

/// `[1435781430.781, "1"]`: float seconds and the value as a string (`"NaN"`, `"+Inf"` included).
struct QueryPoint: Decodable {
  var seconds: Double
  var value: String

  init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    seconds = try container.decode(Double.self)
    // Some Prometheus-compatible servers write plain numbers; read them the same way.
    if let text = try? container.decode(String.self) {
      value = text
    } else {
      value = String(try container.decode(Double.self))
    }
  }
}
