/// The first lines of a source, copied so that the format can be sniffed from them and they can then be
/// replayed through the chosen parser: sniffing never needs a second pass over a compressed file.
struct SourcePrefix {
  /// Enough lines to see past a short stack trace or a `mysql>` prompt at the top, few enough to cost nothing.
  static let initialLineLimit = 64
  static let initialByteLimit = 64 * 1024
  /// How far the prefix grows while nothing is recognised: a rotated Java log can open with a long trace.
  static let maximumLineLimit = 4096
  static let maximumByteLimit = 1 << 20

  /// The lines, each followed by `\n`: also the document prefix that whole-document parsers sniff.
  private(set) var bytes: [UInt8] = []
  private var lines: [(range: Range<Int>, number: Int)] = []
  private var lineLimit = Self.initialLineLimit
  private var byteLimit = Self.initialByteLimit

  var isFull: Bool { lines.count >= lineLimit || bytes.count >= byteLimit }

  /// Doubles the limits, up to the maximum; false once the buffered lines reach either maximum.
  mutating func grow() -> Bool {
    guard lines.count < Self.maximumLineLimit, bytes.count < Self.maximumByteLimit else { return false }
    lineLimit = min(lineLimit * 2, Self.maximumLineLimit)
    byteLimit = min(byteLimit * 2, Self.maximumByteLimit)
    return true
  }

  mutating func append(_ line: UnsafeRawBufferPointer, number: Int) {
    let start = bytes.count
    bytes.append(contentsOf: line)
    lines.append((start..<bytes.count, number))
    bytes.append(0x0A)
  }

  /// Calls `body` with each buffered line, as the line reader delivered it, up to the first that throws.
  func replay(_ body: (UnsafeRawBufferPointer, Int) throws(FormatError) -> Void) throws(FormatError) {
    // `withUnsafeBytes` rethrows untyped errors: the failure is carried out of it instead.
    var failure: FormatError?
    bytes.withUnsafeBytes { buffer in
      for line in lines {
        do throws(FormatError) {
          try body(UnsafeRawBufferPointer(rebasing: buffer[line.range]), line.number)
        } catch {
          failure = error
          return
        }
      }
    }
    if let failure { throw failure }
  }

  /// What the buffered lines are.
  enum Detection: Equatable {
    /// Nothing but blank lines: an empty source is not an error.
    case empty
    case recognized(Format)
    case unrecognized
  }

  /// A source whose first byte opens a JSON value and that a document parser accepts is that document;
  /// otherwise the line format that recognises the most buffered lines wins, the first in `Format.allCases`
  /// on a tie, so detection is deterministic. A fallback format (time-stamped text) wins only when no specific
  /// one recognises a line or, when the best is a log format, it recognises at least twice as many: a monolog
  /// file with a few damaged lines stays monolog, a Java log that mixes layouts is read as time-stamped text,
  /// and a metric export with times in its rows stays what it is.
  func detect() -> Detection {
    bytes.withUnsafeBytes { buffer in
      var first = 0
      while first < buffer.count,
        ASCII.isBlank(buffer[first]) || buffer[first] == 0x0A || buffer[first] == 0x0D
      {
        first += 1
      }
      guard first < buffer.count else { return .empty }
      if buffer[first] == ASCII.openBrace || buffer[first] == ASCII.openBracket {
        for format in Format.allCases {
          if let parser = format.documentParser, parser.recognizes(prefix: buffer) {
            return .recognized(format)
          }
        }
      }
      var best: (format: Format, count: Int)?
      for format in Format.allCases {
        guard let parser = format.lineParser else { continue }
        var count = 0
        for line in lines where !line.range.isEmpty {
          if parser.recognizes(UnsafeRawBufferPointer(rebasing: buffer[line.range])) { count += 1 }
        }
        if format.isFallback, let best, !best.format.readsEvents || count < 2 * best.count { break }
        if count > best?.count ?? 0 { best = (format, count) }
      }
      return best.map { .recognized($0.format) } ?? .unrecognized
    }
  }
}
