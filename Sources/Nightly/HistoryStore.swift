import Foundation
import GRDB

/// The nightly runs' memory: one SQLite database (`history.sqlite`) in the store's directory, in WAL mode.
///
/// Each night is written in one transaction that first deletes the night's earlier rows, so re-running a night
/// replaces it and a run killed at any moment leaves either the old night or the new one, never half of either.
/// SQLite through GRDB: an embedded file a scheduler's host needs nothing else for, with transactions, WAL and
/// migrations that a set of JSON files would have to reinvent.
public final class HistoryStore {
  public let path: String
  let pool: DatabasePool

  /// Opens (creating if needed) the store in `directory` and applies any pending migration.
  public init(directory: String) throws(NightlyError) {
    path = directory + "/history.sqlite"
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      var configuration = Configuration()
      configuration.busyMode = .timeout(30)
      configuration.foreignKeysEnabled = true
      pool = try DatabasePool(path: path, configuration: configuration)
      try StoreSchema.migrator.migrate(pool)
    } catch {
      throw .store(path: path, reason: String(describing: error))
    }
  }

  /// The migrations applied, oldest first: the schema's version history.
  public func appliedMigrations() throws(NightlyError) -> [String] {
    try reading { db in try StoreSchema.migrator.appliedMigrations(db) }
  }

  /// Nights in the store, oldest first.
  public func nights() throws(NightlyError) -> [String] {
    try reading { db in try String.fetchAll(db, sql: "SELECT night FROM night ORDER BY night") }
  }

  /// Problems found by SQLite's integrity check and by comparing each night's recorded row counts with the
  /// rows present; empty for a consistent store.
  public func consistencyProblems() throws(NightlyError) -> [String] {
    try reading { db in
      var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
      problems += try String.fetchAll(db, sql: "PRAGMA foreign_key_check")
      let tables = [
        ("signal", "signalRows"), ("signalHour", "hourRows"), ("baseline", "baselineRows"),
        ("template", "templateRows"), ("changePoint", "changePointRows"), ("incident", "incidentRows"),
        ("input", "inputRows"),
      ]
      for (table, column) in tables {
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT n.night, n.\(column) AS expected, (SELECT COUNT(*) FROM \(table) t WHERE t.night = n.night) AS actual
            FROM night n WHERE expected != actual
            """)
        for row in rows {
          problems.append(
            "night \(row["night"] as String): \(table) has \(row["actual"] as Int) rows, expected \(row["expected"] as Int)"
          )
        }
        let orphans =
          try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM \(table) WHERE night NOT IN (SELECT night FROM night)") ?? 0
        if orphans > 0 { problems.append("\(table): \(orphans) rows of no night") }
      }
      return problems
    }
  }

  /// Every row of every table in key order, as text: two stores with the same dump hold the same history.
  public func dump() throws(NightlyError) -> String {
    try reading { db in
      var lines: [String] = []
      let tables = [
        "night", "signal", "signalHour", "baseline", "template", "changePoint", "incident", "input",
      ]
      for table in tables {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3, 4") {
          lines.append(table + " " + row.description)
        }
      }
      return lines.joined(separator: "\n")
    }
  }

  func reading<T>(_ body: (Database) throws -> T) throws(NightlyError) -> T {
    do {
      return try pool.read(body)
    } catch {
      throw .store(path: path, reason: String(describing: error))
    }
  }

  func writing<T>(_ body: (Database) throws -> T) throws(NightlyError) -> T {
    do {
      return try pool.write(body)
    } catch {
      throw .store(path: path, reason: String(describing: error))
    }
  }
}
