/// `SHOW FULL PROCESSLIST` as `mysql -t` prints it: widths from the data, numbers right-aligned, `NULL`s.
struct ProcesslistTable {
  struct Row {
    var id: Int
    var user: String
    var host: String
    var database: String?
    var command: String
    var seconds: Int
    var state: String
    var info: String?
  }

  static let headers = ["Id", "User", "Host", "db", "Command", "Time", "State", "Info"]

  static func render(_ rows: [Row]) -> String {
    let cells = rows.map { row in
      [
        String(row.id), row.user, row.host, row.database ?? "NULL", row.command, String(row.seconds),
        row.state,
        row.info ?? "NULL",
      ]
    }
    var widths = headers.map(\.count)
    for line in cells {
      for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    let numeric: Set<Int> = [0, 5]
    let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
    func line(_ values: [String], alignNumbers: Bool) -> String {
      "|"
        + values.enumerated().map { index, value in
          let padding = String(repeating: " ", count: widths[index] - value.count)
          return " " + (alignNumbers && numeric.contains(index) ? padding + value : value + padding) + " "
        }.joined(separator: "|") + "|\n"
    }
    var text = border + line(headers, alignNumbers: false) + border
    for row in cells { text += line(row, alignNumbers: true) }
    text += border
    text += "\(rows.count) rows in set (0.00 sec)\n\n"
    return text
  }
}
