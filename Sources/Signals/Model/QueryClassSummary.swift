import Formats

/// One statement class of the slow log (a pt-query-digest fingerprint) over the whole input: how often, how
/// long in total and at the 90th percentile, how many rows read, and who ran it.
public struct QueryClassSummary: Sendable, Equatable {
  /// A short stable id, `q` and 8 hex digits of the fingerprint's hash, as the signals' subjects name it.
  public var id: String
  public var fingerprint: String
  /// One statement of the class as logged, cut to one line.
  public var example: String
  public var count: Int
  public var totalSeconds: Double
  public var p90Seconds: Double
  public var rowsExamined: Double
  /// Users by their share of the class's time, most first.
  public var users: [(user: String, seconds: Double)]
  /// Where the class was first logged.
  public var path: String
  public var line: Int
  public var milliseconds: Int64

  /// The classes kept for the evidence.
  static let limit = 10

  public static func == (lhs: QueryClassSummary, rhs: QueryClassSummary) -> Bool {
    lhs.id == rhs.id && lhs.count == rhs.count && lhs.totalSeconds == rhs.totalSeconds
      && lhs.users.map(\.user) == rhs.users.map(\.user)
  }

  /// The `limit` classes with the most statement time; among equals, more statements, then the earlier.
  static func top(_ queries: QueryAggregate, limit: Int = limit) -> [QueryClassSummary] {
    let ranked = queries.classes.sorted {
      ($0.value.seconds, $0.value.count, -($0.value.first?.milliseconds ?? 0), $1.key)
        > ($1.value.seconds, $1.value.count, -($1.value.first?.milliseconds ?? 0), $0.key)
    }
    return ranked.prefix(limit).map { key, value in
      QueryClassSummary(
        id: id(key), fingerprint: value.fingerprint, example: value.example, count: value.count,
        totalSeconds: value.seconds, p90Seconds: value.histogram.quantile(0.9),
        rowsExamined: value.rowsExamined,
        users: value.secondsByUser.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
          ($0.key, $0.value)
        },
        path: value.first?.path ?? "", line: value.first?.line ?? 0,
        milliseconds: value.first?.milliseconds ?? 0)
    }
  }

  static func id(_ key: UInt64) -> String {
    let hex = String(key >> 32, radix: 16)
    return "q" + String(repeating: "0", count: 8 - hex.count) + hex
  }
}
