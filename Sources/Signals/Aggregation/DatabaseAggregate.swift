import Formats

/// The database's own diagnostics of one source or many: slow-log work, InnoDB reports and lock waits.
struct DatabaseAggregate: Sendable {
  /// Where `SourceAggregate.paths` keeps the files these came from.
  static let pathsKey = "mysql diagnostics"

  var queries: QueryAggregate
  var innodb: InnoDBAggregate

  init(stepMilliseconds: Int64) {
    queries = QueryAggregate(stepMilliseconds: stepMilliseconds)
    innodb = InnoDBAggregate(stepMilliseconds: stepMilliseconds)
  }

  var isEmpty: Bool { queries.entries == 0 && innodb.isEmpty }

  mutating func add(_ record: DatabaseRecord, path: String) {
    switch record {
    case .slowQuery(let query): queries.add(query, path: path)
    case .innodbStatus(let status): innodb.add(status, path: path)
    case .lockWaits(let snapshot): innodb.add(snapshot, path: path)
    }
  }

  mutating func merge(_ other: DatabaseAggregate) {
    queries.merge(other.queries)
    innodb.merge(other.innodb)
  }
}
