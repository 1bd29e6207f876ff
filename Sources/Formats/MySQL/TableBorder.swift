/// The column boundaries of a table as the `mysql` client draws it, taken from a `+----+------+` border.
///
/// Rows are cut at these positions rather than split on `|`, because values (an `Info` query, a `State`)
/// may contain `|` themselves.
struct TableBorder {
  /// Byte offsets of the `+` corners; cell `k` lies between `corners[k]` and `corners[k + 1]`.
  private(set) var corners: [Int]

  var columnCount: Int { corners.count - 1 }

  /// A line made only of `+` and `-` (trailing blanks allowed), starting `+-`, with at least one column.
  init?(_ line: UnsafeRawBufferPointer) {
    guard line.count >= 3, line[0] == 0x2B, line[1] == 0x2D else { return nil }
    var corners: [Int] = []
    var end = line.count
    while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x0D || line[end - 1] == 0x09 { end -= 1 }
    for index in 0..<end {
      switch line[index] {
      case 0x2B: corners.append(index)
      case 0x2D: continue
      default: return nil
      }
    }
    guard corners.count >= 2, corners.last == end - 1 else { return nil }
    self.corners = corners
  }

  /// Whether `line` looks like a border, without building one.
  static func isBorder(_ line: UnsafeRawBufferPointer) -> Bool {
    line.count >= 3 && line[0] == 0x2B && line[1] == 0x2D
  }

  /// The cells of a `| … | … |` line, with their padding trimmed, written into `cells` (reused between rows).
  ///
  /// The client pads to display width, not bytes, so a row holding multi-byte UTF-8 text is longer than its
  /// border: when a `|` is not where the border says, the next ` |` further right is taken and every later
  /// boundary moves by the same amount.
  func cells(of line: UnsafeRawBufferPointer, into cells: inout [Range<Int>]) -> Bool {
    cells.removeAll(keepingCapacity: true)
    guard line.count > 0, line[0] == 0x7C else { return false }
    var shift = 0
    var cellStart = 1
    for corner in corners.dropFirst() {
      var separator = corner + shift
      if separator >= line.count || line[separator] != 0x7C {
        guard let found = Self.separator(in: line, from: max(separator, cellStart)) else { return false }
        separator = found
        shift = found - corner
      }
      cells.append(Self.trimmed(line, cellStart..<separator))
      cellStart = separator + 1
    }
    return true
  }

  /// The first `|` at or after `start` that ends a padded cell (a blank before it).
  private static func separator(in line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var index = start
    while index < line.count {
      if line[index] == 0x7C, index > 0, line[index - 1] == 0x20 { return index }
      index += 1
    }
    return nil
  }

  private static func trimmed(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, line[start] == 0x20 { start += 1 }
    while end > start, line[end - 1] == 0x20 { end -= 1 }
    return start..<end
  }
}
