/// The cells of one CSV line as Grafana writes it: `,` or `;` between cells, cells in double quotes where they
/// hold the delimiter or quotes (`""` is a quote inside).
struct CSVCells {
  /// Byte ranges of the cells, quotes excluded.
  private(set) var ranges: [Range<Int>] = []
  /// Whether any quoted cell holds a doubled quote, so that its text needs `unquoted`.
  private(set) var hasEscapes = false

  /// Cuts `line` at `delimiter`; false when a quoted cell is not closed.
  mutating func cut(_ line: UnsafeRawBufferPointer, delimiter: UInt8) -> Bool {
    ranges.removeAll(keepingCapacity: true)
    hasEscapes = false
    var index = 0
    while true {
      if line.byte(at: index) == ASCII.quote {
        var end = index + 1
        while true {
          guard end < line.count else { return false }
          if line[end] == ASCII.quote {
            if line.byte(at: end + 1) == ASCII.quote {
              hasEscapes = true
              end += 2
              continue
            }
            break
          }
          end += 1
        }
        ranges.append((index + 1)..<end)
        index = end + 1
        guard index == line.count || line[index] == delimiter else { return false }
      } else {
        var end = index
        while end < line.count, line[end] != delimiter { end += 1 }
        ranges.append(index..<end)
        index = end
      }
      guard index < line.count else { return true }
      index += 1
    }
  }

  /// A cell's text with doubled quotes made single.
  static func unquoted(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      bytes.append(line[index])
      index += line[index] == ASCII.quote && line.byte(at: index + 1) == ASCII.quote ? 2 : 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
