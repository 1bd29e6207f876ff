/// The fields of a `mysql -B` line: cut at its tabs (a tab inside a value is written `\t`), then, when the
/// line has a backslash, unescaped into a buffer reused from line to line.
struct BatchFields {
  /// The unescaped line and its fields; only lines with a backslash are copied.
  private var unescaped: [UInt8] = []
  private var unescapedCells: [Range<Int>] = []

  /// The ranges between the tabs of `line`, written into `cells` (reused between lines).
  static func cut(_ line: UnsafeRawBufferPointer, into cells: inout [Range<Int>]) {
    cells.removeAll(keepingCapacity: true)
    var start = 0
    while let tab = line.index(of: ASCII.tab, from: start) {
      cells.append(start..<tab)
      start = tab + 1
    }
    cells.append(start..<line.count)
  }

  /// Reads `cells` of `line` with `read`, after undoing the client's escapes: `\t`, `\n`, `\\` and `\0`
  /// become the byte they stand for, and a field that is only `\N` (NULL as `SELECT … INTO OUTFILE` writes it)
  /// becomes empty, which reads as absent. Other backslashes are kept as written.
  mutating func reading<Result>(
    _ line: UnsafeRawBufferPointer, _ cells: [Range<Int>],
    _ read: (UnsafeRawBufferPointer, [Range<Int>]) -> Result
  ) -> Result {
    guard line.index(of: ASCII.backslash, from: 0) != nil else { return read(line, cells) }
    unescaped.removeAll(keepingCapacity: true)
    unescapedCells.removeAll(keepingCapacity: true)
    for cell in cells {
      let start = unescaped.count
      if cell.count == 2, line[cell.lowerBound] == ASCII.backslash, line[cell.lowerBound + 1] == 0x4E {
        unescapedCells.append(start..<start)
        continue
      }
      var index = cell.lowerBound
      while index < cell.upperBound {
        let byte = line[index]
        if byte == ASCII.backslash, index + 1 < cell.upperBound, let meant = Self.escaped(line[index + 1]) {
          unescaped.append(meant)
          index += 2
        } else {
          unescaped.append(byte)
          index += 1
        }
      }
      unescapedCells.append(start..<unescaped.count)
    }
    return unescaped.withUnsafeBytes { read($0, unescapedCells) }
  }

  /// The byte that a backslash and `letter` stand for, as the client's `safe_put_field` escapes them.
  private static func escaped(_ letter: UInt8) -> UInt8? {
    switch letter {
    case 0x74: ASCII.tab
    case 0x6E: 0x0A
    case ASCII.backslash: ASCII.backslash
    case ASCII.zero: 0x00
    default: nil
    }
  }
}
