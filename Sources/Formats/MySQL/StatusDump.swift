/// One `SHOW GLOBAL STATUS` or `SHOW GLOBAL VARIABLES` result, or one `mysqladmin extended-status` table, as
/// read so far. Its rows are held until it ends: only then is it known when it was taken (the `Uptime` row
/// comes near the end) and whether it lists status or variables.
struct StatusDump {
  struct Row {
    /// The name's id in `StatusDumps`' name table.
    var name: Int
    var value: Double
  }

  /// Where the dump starts (its top border, header or first row), for citations and messages.
  var line: Int
  /// The time of a `TS` line right before it, if there was one.
  var stamp: Timestamp?
  var rows: [Row] = []
  /// Rows whose name starts with a capital: status variables are capitalised (`Threads_connected`), system
  /// variables are not (`max_connections`), so the majority says which statement printed the dump.
  var capitalised = 0
  /// Whether every value was an integer: `mysqladmin -r` prints each row, text included, as one.
  var onlyIntegers = true
  /// The `Uptime` row's value, which places the dump in time when no `TS` line does.
  var uptime: Double?

  init(line: Int, stamp: Timestamp?) {
    self.line = line
    self.stamp = stamp
  }

  var listsStatus: Bool { capitalised * 2 > rows.count }
}
