/// A GFM table from cells that are already Markdown (escaped with `MarkdownText`'s table variants).
struct MarkdownTable {
  enum Alignment { case left, right }

  let columns: [(title: String, alignment: Alignment)]
  var rows: [[String]] = []

  init(_ columns: [(title: String, alignment: Alignment)]) {
    self.columns = columns
  }

  mutating func append(_ cells: [String]) {
    rows.append(cells)
  }

  var lines: [String] {
    let header = "| " + columns.map(\.title).joined(separator: " | ") + " |"
    let rule = "|" + columns.map { $0.alignment == .right ? "---:" : "---" }.joined(separator: "|") + "|"
    let body = rows.map { cells in
      // An empty cell would read as a missing value: say so.
      "| " + cells.map { $0.isEmpty ? "—" : $0 }.joined(separator: " | ") + " |"
    }
    return [header, rule] + body
  }
}
