/// PostgreSQL's server log on stderr, whatever its `log_line_prefix`, as long as the prefix starts with the time
/// (`%t`, `%m` or `%n`, which nearly all do):
/// `2025-08-13 01:45:01.127 PDT [12347] LOG:  database system was shut down at …` (Debian's `%m [%p] `),
/// `2017-09-06 08:41:43 UTC [44]: [371-1] user=postgres,db=postgres,app=pgbench,client=172.23.0.1 LOG:  duration: …`,
/// `2020-03-11 20:40:45 CET:[local]:postgres@template1:[12777]:LOG:  …` (RDS's `%t:%r:%u@%d:[%p]:`).
///
/// The zone is `log_timezone`'s abbreviation (`PDT`, `CET`, see `ZoneAbbreviations`) or offset (`-0800`). The
/// severity word before the first `: ` after the prefix (PostgreSQL writes two blanks after it) is the level: `DEBUG1`…`DEBUG5` debug; `LOG`,
/// `INFO`, `NOTICE` and the `DETAIL`, `HINT`, `STATEMENT`, `CONTEXT` lines that follow an error info; `WARNING`
/// warn; `ERROR` error; `FATAL` and `PANIC` fatal. Lines without the prefix (a statement's next lines) continue
/// the event before them. The message starts after the severity: `PostgreSQLEvents` tells the typed events
/// (too many clients, deadlocks, statement timeouts, slow statements) from it.
public struct PostgreSQLParser: LineParser {
  public static let format = Format.postgresql
  public static let linesAreIndependent = true
  public private(set) var assumedZone = false
  private let localOffsetSeconds: LocalZone
  private var sawEvent = false
  private var years = YearlessDates(path: "", year: nil)

  public init(context: ParserContext) {
    localOffsetSeconds = context.options.zone
  }

  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let found = TimeShapes.read(line, at: 0), found.shape == .iso else { return false }
    return severity(in: line, from: found.time.end) != nil
  }

  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record {
    guard let found = TimeShapes.read(line, at: 0), found.shape == .iso,
      let time = found.time.resolved(localOffsetSeconds: localOffsetSeconds, years: &years)
    else { return sawEvent ? .continuation : .structure }
    guard let severity = Self.severity(in: line, from: found.time.end) else {
      return .malformed(reason: "PostgreSQL line without a `SEVERITY:  ` after its prefix")
    }
    sawEvent = true
    if !time.hasZone { assumedZone = true }
    return .log(LogEvent(time: time.timestamp, level: severity.level, message: severity.message..<line.count))
  }

  /// How far into a line the severity may be: past the longest prefixes (user, database, application, client).
  private static let prefixLimit = 320

  /// The first severity word followed by `: ` after the time, and where the message starts.
  @inline(__always)
  static func severity(
    in line: UnsafeRawBufferPointer, from start: Int
  ) -> (level: LogLevel, message: Int)? {
    var search = start
    let limit = min(line.count, start + prefixLimit)
    while let colon = line.index(of: ASCII.colon, from: search, to: limit) {
      search = colon + 1
      guard line.byte(at: colon + 1) == ASCII.space else { continue }
      var wordStart = colon
      while wordStart > start, ASCII.isUpperLetter(line[wordStart - 1]) || ASCII.isDigit(line[wordStart - 1])
      {
        wordStart -= 1
      }
      // `%l` may run into the severity (`5LOG:`): the word starts at its first letter.
      while wordStart < colon, ASCII.isDigit(line[wordStart]) { wordStart += 1 }
      guard let level = level(line, wordStart..<colon) else { continue }
      return (level, line.skippingBlanks(from: colon + 1))
    }
    return nil
  }

  @inline(__always)
  private static func level(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> LogLevel? {
    switch range.count {
    case 3: return line.matches("LOG", at: range.lowerBound) ? .info : nil
    case 4:
      if line.matches("INFO", at: range.lowerBound) || line.matches("HINT", at: range.lowerBound) {
        return .info
      }
      return nil
    case 5:
      if line.matches("ERROR", at: range.lowerBound) { return .error }
      if line.matches("FATAL", at: range.lowerBound) || line.matches("PANIC", at: range.lowerBound) {
        return .fatal
      }
      if line.matches("QUERY", at: range.lowerBound) { return .info }
      return nil
    case 6:
      if line.matches("NOTICE", at: range.lowerBound) || line.matches("DETAIL", at: range.lowerBound) {
        return .info
      }
      if line.matches("DEBUG", at: range.lowerBound) { return .debug }
      return nil
    case 7:
      if line.matches("WARNING", at: range.lowerBound) { return .warn }
      if line.matches("CONTEXT", at: range.lowerBound) { return .info }
      return nil
    case 8: return line.matches("LOCATION", at: range.lowerBound) ? .info : nil
    case 9: return line.matches("STATEMENT", at: range.lowerBound) ? .info : nil
    default: return nil
    }
  }
}
