/// The state of reading one source: buffering its first lines until the format is known, then streaming each
/// line through the bound parser, or collecting a whole document.
struct ReadSession {
  let context: ParserContext
  private(set) var format: Format?
  private(set) var tally: RecordTally
  /// Lines seen so far (the last line's number).
  private(set) var lines = 0
  private(set) var series: [MetricSeries] = []
  private(set) var assumedZone = false
  private var prefix = SourcePrefix()
  private var parser: BoundParser?
  private var document: DocumentCollection?
  private var decided = false

  /// Whether these lines come after others read apart (a later chunk): its first lines continue those.
  private let continuing: Bool

  /// A known `format` skips sniffing.
  init(path: String, options: ReadOptions, format: Format?, continuing: Bool = false) {
    context = ParserContext(path: path, options: options)
    tally = RecordTally(path: path)
    self.continuing = continuing
    if let format { bind(format) }
  }

  /// Whether the bound parser reads each line on its own, so later lines can be read by another session.
  var linesAreIndependent: Bool { parser?.linesAreIndependent ?? false }

  /// Adds what a session over the lines right after these read.
  mutating func absorb(_ later: ReadSession) {
    tally.absorb(later.tally)
    lines = max(lines, later.lines)
    assumedZone = assumedZone || later.assumedZone
  }

  mutating func accept(
    _ line: UnsafeRawBufferPointer, number: Int, _ body: BoundParser.Consumer
  ) throws(FormatError) {
    lines = number
    let line = number == 1 ? Self.droppingByteOrderMark(line) : line
    if let parser {
      try parser.feed(line, number, &tally, body)
    } else if document != nil {
      try document!.append(line)
    } else {
      prefix.append(line, number: number)
      if prefix.isFull { try decide(body, final: false) }
    }
  }

  /// Ends the source: sniffs a source shorter than the prefix, hands on what the parser still holds, parses a
  /// collected document; throws the parser's fault after its records are delivered.
  mutating func end(_ body: BoundParser.Consumer) throws(FormatError) {
    if !decided { try decide(body, final: true) }
    if let parser {
      let ending = try parser.finish(lines, &tally, body)
      (series, assumedZone) = (ending.series, ending.assumedZone)
      if let fault = ending.fault { throw fault }
    } else if let document {
      let parsed = try document.parse(context: context)
      series = parsed.series
      let nothing = UnsafeRawBufferPointer(start: nil, count: 0)
      for sample in parsed.samples { tally.deliver(.sample(sample), line: nothing, number: 0, to: body) }
    }
  }

  /// Chooses the format from the prefix; while nothing is recognised and the source goes on (`final` false),
  /// the prefix grows instead, up to its maximum.
  private mutating func decide(_ body: BoundParser.Consumer, final: Bool) throws(FormatError) {
    var detection = prefix.detect()
    switch PtStalkCollection.verdict(for: context.path) {
    case .skip(let reason):
      decided = true
      throw .notRead(path: context.path, detail: reason)
    case .read(let format) where detection != .empty:
      detection = .recognized(format)
    case .read, .sniff, nil:
      break
    }
    switch detection {
    case .empty:
      if !final && prefix.grow() { return }
      decided = true
    case .unrecognized:
      if !final && prefix.grow() { return }
      decided = true
      throw .unrecognized(path: context.path)
    case .recognized(let format):
      let buffered = prefix
      prefix = SourcePrefix()
      bind(format, documentPrefix: buffered.bytes)
      if let parser {
        try buffered.replay { (line, number) throws(FormatError) in
          try parser.feed(line, number, &tally, body)
        }
      }
    }
  }

  /// Chooses the parser; a whole-document format starts its document with the lines already buffered.
  private mutating func bind(_ format: Format, documentPrefix: [UInt8] = []) {
    decided = true
    self.format = format
    tally.layout = format.readsEvents ? (continuing ? .laterEvents : .events) : .layout
    if let parser = BoundParser(format: format, context: context) {
      self.parser = parser
    } else if let parser = format.documentParser {
      document = DocumentCollection(parser: parser, prefix: documentPrefix, path: context.path)
    }
  }

  /// Editors on Windows start UTF-8 files with EF BB BF, which would hide the first line's time stamp.
  private static func droppingByteOrderMark(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    line.matches("\u{FEFF}", at: 0) ? UnsafeRawBufferPointer(rebasing: line[3...]) : line
  }
}
