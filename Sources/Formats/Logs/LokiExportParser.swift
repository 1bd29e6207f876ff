/// Log lines exported from Loki with `logcli query`, in its default output
/// (`2026-11-27T03:04:11+01:00 {app="shipping", pod="shipping-7d9f8c-abcde"} <line>`, labels padded to the
/// widest set) or with `--output=jsonl` (`{"labels":{"app":"shipping"},"line":"<line>","timestamp":"…"}`).
/// `--output=raw` prints the lines alone and is read as whatever they are.
///
/// An export usually spans many services: the record's service is its `app`, `service_name`, `service`,
/// `container` or `job` label, in that order of preference. The level and message are the line's own (see
/// `EmbeddedLine`). logcli prints newest first unless `--forward`; order does not matter to the buckets.
public struct LokiExportParser: LineParser {
  public static let format = Format.lokiExport
  public static let linesAreIndependent = true
  public let assumedZone = false

  public init(context: ParserContext) {}

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    if case .event = read(line) { return true }
    return false
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    switch Self.read(line) {
    case .event(let event): .log(event)
    case .malformed(let reason): .malformed(reason: reason)
    }
  }

  private enum Reading {
    case event(LogEvent)
    case malformed(String)
  }

  private static func read(_ line: UnsafeRawBufferPointer) -> Reading {
    line.byte(at: 0) == ASCII.openBrace ? jsonl(line) : text(line)
  }

  /// `<RFC 3339 time> {labels} <line>`.
  private static func text(_ line: UnsafeRawBufferPointer) -> Reading {
    guard let time = TimestampScanner.dateTime(in: line, at: 0, localOffsetSeconds: .utc), time.hasZone,
      line.byte(at: time.end) == ASCII.space, line.byte(at: time.end + 1) == ASCII.openBrace
    else { return .malformed("not `<RFC 3339 time> {labels} <line>` nor a logcli jsonl object") }
    var service: (rank: Int, range: Range<Int>)?
    var index = time.end + 2
    // `key="value", key="value"}`: values are Go-quoted, so `\"` does not end one.
    while index < line.count, line[index] != ASCII.closeBrace {
      let keyStart = index
      while index < line.count, line[index] != ASCII.equals { index += 1 }
      guard line.byte(at: index + 1) == ASCII.quote, let close = line.closingQuote(from: index + 2) else {
        return .malformed("labels not closed")
      }
      let key = keyStart..<index
      let value = (index + 2)..<close
      if let rank = serviceRank(line, key), rank < service?.rank ?? .max, !value.isEmpty {
        service = (rank, value)
      }
      index = close + 1
      if line.byte(at: index) == ASCII.comma { index += 1 }
      index = line.skippingBlanks(from: index)
    }
    guard index < line.count else { return .malformed("labels not closed") }
    let embedded = EmbeddedLine.read(line, from: index + 1)
    return .event(
      LogEvent(
        time: time.timestamp, level: embedded.level, message: embedded.message, service: service?.range))
  }

  /// `{"labels":{…},"line":"…","timestamp":"…"}`.
  private static func jsonl(_ line: UnsafeRawBufferPointer) -> Reading {
    var labels: JSONValueRange?
    var text: JSONValueRange?
    var timestamp: JSONValueRange?
    let complete = JSONObjectScanner.forEachMember(in: line) { key, value in
      if key.count == 6, line.matches("labels", at: key.lowerBound) { labels = value }
      if key.count == 4, line.matches("line", at: key.lowerBound) { text = value }
      if key.count == 9, line.matches("timestamp", at: key.lowerBound) { timestamp = value }
    }
    guard complete, let text, text.isString, let timestamp, timestamp.isString else {
      return .malformed("not a logcli jsonl object (labels, line, timestamp)")
    }
    guard
      let time = TimestampScanner.dateTime(
        in: line, at: timestamp.range.lowerBound, localOffsetSeconds: .utc),
      time.hasZone
    else { return .malformed("timestamp is not an RFC 3339 time") }
    var service: (rank: Int, range: Range<Int>)?
    if let labels, !labels.isString {
      let object = UnsafeRawBufferPointer(rebasing: line[labels.range])
      _ = JSONObjectScanner.forEachMember(in: object) { key, value in
        let start = labels.range.lowerBound
        let key = (key.lowerBound + start)..<(key.upperBound + start)
        if value.isString, !value.range.isEmpty, let rank = serviceRank(line, key),
          rank < service?.rank ?? .max
        {
          service = (rank, (value.range.lowerBound + start)..<(value.range.upperBound + start))
        }
      }
    }
    // The line is JSON-escaped: its level and message are read as they stand, escapes and all.
    let inner = UnsafeRawBufferPointer(rebasing: line[..<text.range.upperBound])
    let embedded = EmbeddedLine.read(inner, from: text.range.lowerBound)
    return .event(
      LogEvent(
        time: time.timestamp, level: embedded.level, message: embedded.message, service: service?.range))
  }

  /// Labels that name a service, best first.
  private static func serviceRank(_ line: UnsafeRawBufferPointer, _ key: Range<Int>) -> Int? {
    switch key.count {
    case 3: line.matches("app", at: key.lowerBound) ? 0 : line.matches("job", at: key.lowerBound) ? 4 : nil
    case 12: line.matches("service_name", at: key.lowerBound) ? 1 : nil
    case 7: line.matches("service", at: key.lowerBound) ? 2 : nil
    case 9: line.matches("container", at: key.lowerBound) ? 3 : nil
    default: nil
    }
  }
}
