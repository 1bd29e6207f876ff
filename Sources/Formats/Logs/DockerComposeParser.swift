/// `docker compose logs` (and `docker-compose logs`): every line is prefixed with its container's name and a
/// bar, `web-1  | 2024-01-15 10:00:00,123 ERROR …`, `db-1   | 2024-01-15 10:00:01.000 UTC [42] FATAL:  …`.
///
/// Each service's lines are read with their own format, found from the first of them that an event format
/// recognises (and found again when a later one is not read), so that a stack of nginx, an app and PostgreSQL
/// comes apart into their requests, events and typed events. The name without its replica number (`web-1`,
/// `web_1`) is the record's service unless the inner line names its own. A name in capitals only (`INFO   |`,
/// a Java Service Wrapper's level column) is no service.
public struct DockerComposeParser: LineParser {
  public static let format = Format.dockerCompose
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let context: ParserContext
  private var services: [Service] = []
  private var sawEvent = false

  private struct Service {
    var name: [UInt8]
    var parser: (any LineParser)?
  }

  public init(context: ParserContext) {
    self.context = context
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let prefix = prefix(of: line) else { return false }
    let inner = UnsafeRawBufferPointer(rebasing: line[prefix.inner...])
    return innerFormats.contains { $0.lineParser?.recognizes(inner) ?? false }
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let prefix = Self.prefix(of: line) else { return sawEvent ? .continuation : .structure }
    let inner = UnsafeRawBufferPointer(rebasing: line[prefix.inner...])
    let index = service(named: UnsafeRawBufferPointer(rebasing: line[prefix.name]))
    // Parsed in place: the parser stays in its slot, not copied out and back each line.
    var record = services[index].parser?.parse(inner, number: number)
    if record == nil || Self.isUnread(record!) {
      if let format = Self.innerFormats.first(where: { $0.lineParser?.recognizes(inner) ?? false }),
        var parser = format.lineParser?.init(context: context)
      {
        record = parser.parse(inner, number: number)
        services[index].parser = parser
      }
    }
    if !assumedZone, services[index].parser?.assumedZone == true { assumedZone = true }
    guard let record else { return sawEvent ? .continuation : .structure }
    switch record {
    case .log(var event):
      sawEvent = true
      event.message = Self.shifted(event.message, by: prefix.inner)
      event.service =
        event.service.map { Self.shifted($0, by: prefix.inner) } ?? Self.serviceName(line, prefix.name)
      return .log(event)
    case .request(var request):
      sawEvent = true
      request.shiftRanges(by: prefix.inner)
      return .request(request)
    case .structure, .continuation:
      return sawEvent ? .continuation : .structure
    case .malformed, .sample, .snapshot, .database:
      return record
    }
  }

  /// The event formats an inner line may be in: every one but this.
  private static let innerFormats = BorrowedReaders.candidates.filter { $0 != .dockerCompose }

  @inline(__always)
  private static func isUnread(_ record: Record) -> Bool {
    switch record {
    case .malformed, .structure: true
    default: false
    }
  }

  /// The service's index, added on its first line; names are compared as bytes, lengths first.
  private mutating func service(named name: UnsafeRawBufferPointer) -> Int {
    for index in services.indices where services[index].name.count == name.count {
      var same = true
      for offset in 0..<name.count where services[index].name[offset] != name[offset] {
        same = false
        break
      }
      if same { return index }
    }
    services.append(Service(name: Array(name), parser: nil))
    return services.count - 1
  }

  /// `name<blanks>| `: the name's range and where the inner line starts.
  @inline(__always)
  private static func prefix(of line: UnsafeRawBufferPointer) -> (name: Range<Int>, inner: Int)? {
    guard let first = line.byte(at: 0), ASCII.isLetter(first) || ASCII.isDigit(first) else { return nil }
    var end = 1
    var lower = !ASCII.isUpperLetter(first)
    while end < line.count, end < 128 {
      let byte = line[end]
      guard
        ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == ASCII.minus || byte == ASCII.underscore
          || byte == ASCII.dot
      else { break }
      if !ASCII.isUpperLetter(byte) { lower = true }
      end += 1
    }
    let bar = line.skippingBlanks(from: end)
    guard lower, bar > end, line.byte(at: bar) == 0x7C else { return nil }  // '|'
    guard let after = line.byte(at: bar + 1) else { return (0..<end, bar + 1) }
    return after == ASCII.space ? (0..<end, bar + 2) : nil
  }

  /// The name without its replica number: `web-1` → `web`.
  private static func serviceName(_ line: UnsafeRawBufferPointer, _ name: Range<Int>) -> Range<Int> {
    var end = name.upperBound
    while end > name.lowerBound, ASCII.isDigit(line[end - 1]) { end -= 1 }
    guard end < name.upperBound, end - 1 > name.lowerBound,
      line[end - 1] == ASCII.minus || line[end - 1] == ASCII.underscore
    else { return name }
    return name.lowerBound..<(end - 1)
  }

  @inline(__always)
  private static func shifted(_ range: Range<Int>, by offset: Int) -> Range<Int> {
    (range.lowerBound + offset)..<(range.upperBound + offset)
  }
}
