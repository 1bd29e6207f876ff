/// The other event formats a line is tried with when the source's own format does not read it, record by
/// record: a Java log that mixes two layouts, a Spring Boot log with a Kafka client's lines in it, a syslog
/// file with a line another daemon wrote in its own layout. Each format's parser is made the first time one of
/// its lines turns up, and keeps its state (a year, a zone) from line to line.
///
/// Only lines the own format could not read come here, so the existential calls cost nothing on the lines
/// that make up a log.
struct BorrowedReaders {
  /// Event formats whose lines are read on their own, in detection order (time-stamped text last).
  static let candidates: [Format] = Format.allCases.filter {
    $0.readsEvents && ($0.lineParser?.linesAreIndependent ?? false)
  }

  private let context: ParserContext
  private let own: Format
  private var parsers: [Format: any LineParser] = [:]

  init(context: ParserContext, own: Format) {
    self.context = context
    self.own = own
  }

  /// The record the first other format that recognises `line` reads from it, and that format; nil when none
  /// reads a record from it.
  mutating func read(_ line: UnsafeRawBufferPointer, number: Int) -> (record: Record, format: Format)? {
    for format in Self.candidates where format != own {
      guard let type = format.lineParser, type.recognizes(line) else { continue }
      var parser = parsers[format] ?? type.init(context: context)
      let record = parser.parse(line, number: number)
      parsers[format] = parser
      switch record {
      case .log, .request: return (record, format)
      default: continue
      }
    }
    return nil
  }

  /// Whether a line the own format took for a continuation may start a record of another: it opens with a
  /// time, bare or in brackets (another layout's header). Only the line's start is looked at: stack traces and
  /// wrapped messages are most of a continuation's lines, and they must cost nothing.
  @inline(__always)
  static func mayStartRecord(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let first = line.byte(at: 0) else { return false }
    if ASCII.isDigit(first) { return TimeShapes.read(line, at: 0) != nil }
    if first == ASCII.openBracket, let second = line.byte(at: 1), ASCII.isDigit(second) {
      return TimeShapes.read(line, at: 1) != nil
    }
    return false
  }
}
