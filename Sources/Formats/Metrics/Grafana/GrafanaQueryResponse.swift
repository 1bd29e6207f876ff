/// A Grafana data source response (`/api/ds/query`, or a panel's Inspect → Query → "Data" JSON), as far as
/// Postmortem reads it: per query, data frames whose fields are a time column and value columns.
///
/// `{"results":{"A":{"frames":[{"schema":{"name":"…","fields":[{"name":"Time","type":"time"},
/// {"name":"Value","type":"number","labels":{"job":"api"}}]},"data":{"values":[[1795748650000,…],[0.5,…]]}}]}}}`
struct GrafanaQueryResponse: Decodable {
  struct Result: Decodable {
    var frames: [Frame]?
    var error: String?
  }

  struct Frame: Decodable {
    var schema: Schema
    var data: FrameData?
  }

  struct Schema: Decodable {
    var name: String?
    var refId: String?
    var fields: [Field]
  }

  struct Field: Decodable {
    var name: String
    var type: String?
    var labels: [String: String]?
    var config: Config?
  }

  struct Config: Decodable {
    var displayName: String?
    var displayNameFromDS: String?
  }

  struct FrameData: Decodable {
    /// One array per field; `null` where a series has no point.
    var values: [[Double?]]
  }

  var results: [String: Result]
}
