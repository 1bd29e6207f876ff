/// Which cell of a row holds which processlist field, from a table or `-B` header's column names
/// (`ProcesslistField` says which names count); extra columns (MariaDB `Progress`, Percona `Rows_sent`) are
/// ignored, and the first of two columns naming one field wins.
struct ProcesslistColumns {
  /// The cell of each field, by `ProcesslistField.rawValue`.
  private var positions: [Int?]

  /// Nil when the header lacks one of `Id`, `User`, `Host`, `Command` and `Time` (or `TIME_MS`): some other
  /// table (`mysqladmin extended-status`, `SHOW VARIABLES`) drawn the same way.
  init?(header line: UnsafeRawBufferPointer, cells: [Range<Int>]) {
    var positions = [Int?](repeating: nil, count: ProcesslistField.allCases.count)
    for (index, cell) in cells.enumerated() {
      guard let field = ProcesslistField(named: line, cell), positions[field.rawValue] == nil else {
        continue
      }
      positions[field.rawValue] = index
    }
    guard ProcesslistField.required.allSatisfy({ positions[$0.rawValue] != nil }),
      positions[ProcesslistField.time.rawValue] != nil
        || positions[ProcesslistField.timeMilliseconds.rawValue] != nil
    else { return nil }
    self.positions = positions
  }

  /// The row in `cells`, which hold at least as many cells as the header.
  func row(_ line: UnsafeRawBufferPointer, cells: [Range<Int>]) -> ProcesslistRowDraft.Outcome {
    var draft = ProcesslistRowDraft()
    for field in ProcesslistField.allCases {
      if let position = positions[field.rawValue] { draft.set(field, line, cells[position]) }
    }
    return draft.row()
  }
}
