/// The smallest move of a signal that means something to a user or an operator, by unit.
///
/// Detectors standardise by noise, and a flat series has almost none: a p99 going from 5 ms to 9 ms, or a
/// pool from 3 to 4 connections, is then "many sigmas" yet nobody's incident. A change must clear this floor
/// in absolute terms as well as the robust test against its baseline.
enum MinimumShift {
  struct Row {
    var unit: String
    var floor: Double
    /// A move that must not count, for the table's own test.
    var exampleIgnored: (before: Double, after: Double)
  }

  static let rows: [Row] = [
    // Latency: 10 ms is below what a user notices and within one histogram bucket of most SDKs' defaults.
    Row(unit: "s", floor: 0.01, exampleIgnored: (0.005, 0.009)),
    Row(unit: "ratio", floor: 0.01, exampleIgnored: (0, 0.004)),
    Row(unit: "connections", floor: 3, exampleIgnored: (3, 5)),
    Row(unit: "req/s", floor: 0.5, exampleIgnored: (1.2, 1.5)),
    Row(unit: "lines/s", floor: 0.02, exampleIgnored: (0, 0.01)),
    Row(unit: "MB", floor: 8, exampleIgnored: (120, 125)),
    Row(unit: "cores", floor: 0.05, exampleIgnored: (0.01, 0.03)),
    Row(unit: "threads", floor: 2, exampleIgnored: (4, 5)),
  ]

  private static let byUnit: [String: Double] = Dictionary(
    uniqueKeysWithValues: rows.map { ($0.unit, $0.floor) })

  /// The floor for `unit`; 0 for units without one (then only the robust test applies).
  static func floor(for unit: String) -> Double { byUnit[unit] ?? 0 }
}
