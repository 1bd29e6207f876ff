/// `mysqladmin extended-status -r -i N`: the first table holds the values, each later one the differences
/// from the table before; the values are summed back, so counters and gauges alike come out as levels.
///
/// mysqladmin prints every row of a relative run, its first table included, as a signed integer
/// (`strtoull(value) - last_value`, `print_relative_row` in `client/mysqladmin.cc`), text rows too. A full
/// status table from a server always has text or decimal rows (`Slave_running OFF`, `Last_query_cost
/// 0.000000`, `Innodb_buffer_pool_dump_status …`). So the rule: a table holds differences when it and the
/// table before it have only integers and its `Uptime` is below the previous table's value. A server
/// restart shows a lower `Uptime` too, but its table has text rows; a table with text rows starts an
/// absolute run again (another mysqladmin appended to the file). Tables without an `Uptime` row are read
/// as values: nothing tells.
///
/// In a relative run a text row's value is its leading digits (`2017` for `2017-04-21 14:57:31`) and a
/// decimal is cut to its integer part, by mysqladmin itself: those rows read as such numbers.
struct RelativeStatus {
  /// Each name's value as of the latest table; nil before its first.
  private var values: [Double?] = []
  private var uptime: Double?
  private var previousOnlyIntegers = false

  /// Keeps the table's values for the next; a table of differences has its rows and `Uptime` turned into
  /// values first, in place. Returns how many rows had no earlier value to add their difference to (a name
  /// new in the run), which are dropped.
  mutating func resolve(_ dump: inout StatusDump, uptimeName: Int?) -> Int {
    let isRelative =
      dump.onlyIntegers && previousOnlyIntegers
      && dump.uptime.map { current in uptime.map { current < $0 } ?? false } ?? false
    previousOnlyIntegers = dump.onlyIntegers
    var orphans = 0
    var kept = 0
    for index in dump.rows.indices {
      let row = dump.rows[index]
      if row.name >= values.count {
        values.append(contentsOf: repeatElement(nil, count: row.name + 1 - values.count))
      }
      var value = row.value
      if isRelative {
        guard let before = values[row.name] else {
          orphans += 1
          continue
        }
        value += before
      }
      values[row.name] = value
      dump.rows[kept] = StatusDump.Row(name: row.name, value: value)
      kept += 1
    }
    dump.rows.removeSubrange(kept...)
    if let uptimeName, dump.uptime != nil, uptimeName < values.count { dump.uptime = values[uptimeName] }
    uptime = dump.uptime
    return orphans
  }
}
