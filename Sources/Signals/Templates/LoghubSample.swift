/// A Loghub structured sample (`*_structured_corrected.csv`): each line's message (`Content`) and its
/// oracle template (`EventTemplate`).
package struct LoghubSample: Sendable {
  package var lineIDs: [String] = []
  package var contents: [String] = []
  package var templates: [String] = []

  package enum Failure: Error, CustomStringConvertible {
    case missingColumn(String)

    package var description: String {
      switch self {
      case .missingColumn(let name): "no \(name) column in the structured CSV"
      }
    }
  }

  /// Reads the CSV (RFC 4180 quoting, as pandas writes it).
  package init(csv: [UInt8]) throws {
    let rows = Self.rows(csv)
    guard let header = rows.first else { return }
    func column(_ name: String) throws -> Int {
      guard let index = header.firstIndex(of: name) else { throw Failure.missingColumn(name) }
      return index
    }
    let id = try column("LineId")
    let content = try column("Content")
    let template = try column("EventTemplate")
    for row in rows.dropFirst() where row.count == header.count {
      lineIDs.append(row[id])
      contents.append(row[content])
      templates.append(row[template])
    }
  }

  private static func rows(_ bytes: [UInt8]) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var index = 0
    func endField() {
      row.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == 0x22 {
          if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
            field.append(0x22)
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == 0x22 {
        quoted = true
      } else if byte == 0x2C {
        endField()
      } else if byte == 0x0A {
        endField()
        rows.append(row)
        row = []
      } else if byte != 0x0D {
        field.append(byte)
      }
      index += 1
    }
    if !field.isEmpty || !row.isEmpty {
      endField()
      rows.append(row)
    }
    return rows
  }
}
