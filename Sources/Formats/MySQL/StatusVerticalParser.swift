/// `SHOW GLOBAL STATUS\G` / `SHOW [GLOBAL] VARIABLES\G` as the `mysql` client prints them: a row separator,
/// then `Variable_name: …` and `Value: …` on lines of their own, names right-aligned.
///
/// ```
/// *************************** 1. row ***************************
/// Variable_name: max_connections
///         Value: 151
/// ```
/// A dump starts at its `1. row` and ends at the next one, a `TS` line or an `N rows in set` trailer.
public struct StatusVerticalParser: LineParser {
  public static let format = Format.mysqlStatusVertical

  /// A `Variable_name:` or `Value:` field line; separators are left to the processlist `\G` format, whose
  /// blocks have them too.
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let field = Field(line) else { return false }
    return field.kind != .other
  }

  public var series: [MetricSeries] { dumps.series }
  public var assumedZone: Bool { dumps.assumedZone }

  private var dumps: StatusDumps
  /// The name read from the row's `Variable_name` line, waiting for its `Value`.
  private var pendingName: (id: Int, line: Int)?

  public init(context: ParserContext) {
    dumps = StatusDumps(context: context, readsRelative: false)
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    let line = ClientLines.droppingTrailingBlanks(line)
    if line.isEmpty || ClientLines.isPrompt(line) { return .structure }
    if let row = Self.rowNumber(line) { return separator(row, number: number) }
    if let field = Field(line) { return self.field(field, line, number: number) }
    if let stamp = SnapshotClock.stamp(in: line) { return ended(dumps.stamp(stamp)) }
    if ClientLines.isTrailer(line) { return ended(dumps.end()) }
    return .malformed(reason: "line \(number) is neither a row separator nor a `Name: value` field")
  }

  public mutating func finish() -> Record? {
    guard dumps.isOpen || pendingName != nil else { return nil }
    return ended(dumps.end())
  }

  public mutating func nextCompleted() -> Record? {
    dumps.nextCompleted()
  }

  public var fault: FormatError? { dumps.fault }

  private mutating func separator(_ row: Int, number: Int) -> Record {
    let unpaired = pendingName
    pendingName = nil
    let begun = row == 1 ? dumps.begin(number: number) : .structure
    if let unpaired {
      return .malformed(reason: "Variable_name at line \(unpaired.line) has no Value line")
    }
    return begun
  }

  private mutating func field(_ field: Field, _ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch field.kind {
    case .name:
      guard !field.value.isEmpty else {
        return .malformed(reason: "line \(number): a Variable_name without a name")
      }
      let unpaired = pendingName
      pendingName = (dumps.intern(UnsafeRawBufferPointer(rebasing: line[field.value])), number)
      if let unpaired {
        return .malformed(reason: "Variable_name at line \(unpaired.line) has no Value line")
      }
      return .structure
    case .value:
      guard let name = pendingName else {
        return .malformed(reason: "Value at line \(number) has no Variable_name line before it")
      }
      pendingName = nil
      return dumps.add(name.id, line, value: field.value, number: number)
    case .other:
      return .malformed(
        reason: "line \(number) is a field of something other than SHOW STATUS or SHOW VARIABLES")
    }
  }

  /// A dump's end also drops a name still waiting for its value.
  private mutating func ended(_ record: Record) -> Record {
    guard let unpaired = pendingName else { return record }
    pendingName = nil
    if case .malformed = record { return record }
    return .malformed(reason: "Variable_name at line \(unpaired.line) has no Value line")
  }

  /// `N` in `*************************** N. row ***************************`.
  private static func rowNumber(_ line: UnsafeRawBufferPointer) -> Int? {
    var index = line.skippingBlanks(from: 0)
    let stars = index
    while index < line.count, line[index] == 0x2A { index += 1 }
    guard index - stars >= 3 else { return nil }
    index = line.skippingBlanks(from: index)
    guard let (row, end) = line.unsignedInteger(at: index), line.matches(". row", at: end) else { return nil }
    return Int(row)
  }

  /// A `Name: value` line, the name right-aligned by the client.
  private struct Field {
    enum Kind { case name, value, other }
    var kind: Kind
    var value: Range<Int>

    init?(_ line: UnsafeRawBufferPointer) {
      let start = line.skippingBlanks(from: 0)
      guard let colon = line.index(of: ASCII.colon, from: start), colon > start,
        ClientLines.isName(line, start..<colon)
      else { return nil }
      let nameRange = start..<colon
      if line.equalsIgnoringCase(nameRange, "variable_name") {
        kind = .name
      } else if line.equalsIgnoringCase(nameRange, "value")
        || line.equalsIgnoringCase(nameRange, "variable_value")
      {
        kind = .value
      } else {
        kind = .other
      }
      // The client writes one space after the colon; the value is the rest of the line, as printed.
      let valueStart = colon + 1 < line.count && line[colon + 1] == ASCII.space ? colon + 2 : colon + 1
      value = min(valueStart, line.count)..<line.count
    }
  }
}
