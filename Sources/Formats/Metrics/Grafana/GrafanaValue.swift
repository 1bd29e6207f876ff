/// A cell of a Grafana CSV export read as a number, its display unit undone: the "Formatted data" option
/// writes `1.20 s`, `340 ms`, `12%`, `1.5 MB`. Durations become seconds, percentages ratios, byte sizes bytes;
/// rate units (`req/s`, `ops/s`) are dropped as they are. An empty cell or `null` is a gap, not a zero.
enum GrafanaValue {
  enum Reading: Equatable {
    case number(Double)
    case gap
    /// A unit Postmortem cannot undo: the value is not guessed.
    case unknownUnit
    case notANumber
  }

  static func read(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Reading {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, ASCII.isBlank(line[start]) { start += 1 }
    while end > start, ASCII.isBlank(line[end - 1]) { end -= 1 }
    if start == end || line.equalsIgnoringCase(start..<end, "null") { return .gap }
    // The number is the longest prefix that parses; what follows, after blanks, is the unit.
    var split = start
    while split < end, isNumberByte(line[split]) { split += 1 }
    if let whole = DecimalBytes.double(in: line, start..<end) { return .number(whole) }
    guard split > start, let value = DecimalBytes.double(in: line, start..<split) else { return .notANumber }
    var unit = split
    while unit < end, ASCII.isBlank(line[unit]) { unit += 1 }
    guard let factor = factor(line, unit..<end) else { return .unknownUnit }
    return .number(value * factor)
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    ASCII.isDigit(byte) || byte == ASCII.dot || byte == ASCII.minus || byte == ASCII.plus || byte == 0x65
      || byte == 0x45
  }

  /// Display units and the factor that undoes them.
  private static let units: [(name: StaticString, factor: Double)] = [
    ("ns", 1e-9), ("µs", 1e-6), ("us", 1e-6), ("ms", 1e-3), ("s", 1), ("min", 60), ("h", 3600),
    ("d", 86_400),
    ("%", 0.01), ("B", 1), ("kB", 1e3), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12),
    ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("K", 1e3), ("k", 1e3), ("Mil", 1e6),
    ("M", 1e6), ("Bil", 1e9), ("G", 1e9), ("req/s", 1), ("ops/s", 1), ("rps", 1), ("/s", 1), ("conn", 1),
  ]

  private static func factor(_ line: UnsafeRawBufferPointer, _ unit: Range<Int>) -> Double? {
    for (name, factor) in units
    where name.utf8CodeUnitCount == unit.count && line.matches(name, at: unit.lowerBound) {
      return factor
    }
    return nil
  }
}
