/// The shape of a log message: its words with the variable parts (numbers, ids, addresses, paths) masked, so
/// that `…timed out after 30662ms.` and `…after 30000ms.` count as one template.
///
/// A space-separated token is cut into pieces at punctuation (the delimiters of the Loghub-2.0 template
/// rules: `,;:=|"'[](){}.-+@#$%&!`). A piece is a variable when it starts with a digit or holds three
/// (`30000ms`, `0x1f`, `blk_38865`, not `jk2_init` or `ssh2`); one with a single run of digits keeps its letters
/// (`HikariPool-1` → `HikariPool-<*>`, `30000ms.` → `<*>ms.`) unless it is all hex, others become `<*>`.
/// Variable pieces joined by one `.` are one variable (an IP, a decimal); so are a UUID, an absolute path
/// (`/var/log/x.log`) and a number with its minus sign. Punctuation and constant pieces stay, so
/// `rhost=10.0.0.1` is `rhost=<*>`, `10.0.0.1:80` is `<*>:<*>` and `ConnectionImpl@7ac48e10` is
/// `ConnectionImpl@<*>`, as Loghub-2.0's templates write them.
enum MessageShape {
  /// A hash of the masked message, computed without allocating.
  static func hash(_ message: UnsafeRawBufferPointer) -> UInt64 {
    var hasher = ShapeHasher()
    mask(message, into: &hasher)
    return hasher.finish()
  }

  /// The masked message as text, made once per new template.
  static func template(_ message: UnsafeRawBufferPointer) -> String {
    var text = TextSink()
    text.bytes.reserveCapacity(message.count)
    mask(message, into: &text)
    return String(decoding: text.bytes, as: UTF8.self)
  }

  /// Hands `sink` the masked message token by token; runs of spaces separate tokens.
  ///
  /// Generic over the sink, not given a closure, so each use is specialised and inlined: a closure call per
  /// piece cost a third of the hashing.
  @inline(__always)
  static func mask<Sink: MaskedTokenSink>(_ message: UnsafeRawBufferPointer, into sink: inout Sink) {
    var index = 0
    let count = message.count
    while index < count {
      while index < count && message[index] == 0x20 { index += 1 }
      guard index < count else { break }
      var end = index
      var plain = true
      // Eight bytes holding no space, digit or slash are passed at once: most words of a message are plain
      // and are hashed whole. After eight that do, the next eight are read byte by byte, so a run of digits
      // does not pay for the test at every byte.
      var probe = end
      while end < count && message[end] != 0x20 {
        if end >= probe, end + 8 <= count {
          let word = message.loadUnaligned(fromByteOffset: end, as: UInt64.self)
          if !Self.holdsSpaceOrDigit(word) && !Self.holds(0x2F, word) {
            end += 8
            probe = end
            continue
          }
          probe = end + 8
        }
        let byte = message[end]
        if byte &- 0x30 < 10 || byte == 0x2F { plain = false }
        end += 1
      }
      sink.beginToken()
      let token = UnsafeRawBufferPointer(rebasing: message[index..<end])
      if plain { sink.add(token) } else { maskPieces(token, into: &sink) }
      index = end
    }
  }

  /// Masks one token that holds a digit or a slash, piece by piece.
  @inline(__always)
  private static func maskPieces<Sink: MaskedTokenSink>(
    _ token: UnsafeRawBufferPointer, into sink: inout Sink
  ) {
    var index = 0
    let count = token.count
    // The end of the last byte handed to the sink, and whether a variable ended there (to join the next).
    var emitted = 0
    var pendingVariable = false
    while index < count {
      if ByteClass.isDelimiter(token[index]) {
        index += 1
        continue
      }
      let start = index
      let path = pathEnd(token, from: start) ?? uuidEnd(token, from: start)
      var end = path ?? start
      var digitRuns = 0
      var runStart = start
      var runEnd = start
      if path == nil {
        var inDigits = false
        while end < count && !ByteClass.isDelimiter(token[end]) {
          let isDigit = token[end] &- 0x30 < 10
          if isDigit && !inDigits {
            digitRuns += 1
            runStart = end
          }
          if !isDigit && inDigits { runEnd = end }
          inDigits = isDigit
          end += 1
        }
        if inDigits { runEnd = end }
      }
      // Digits make a number or an id of a piece that starts with one (`30000ms`, `0x1f`, `7ac48e10`) or
      // holds three (`blk_38865`), not of a name (`jk2_init`, `ssh2`, `IPv6`): measured on Loghub-2.0.
      let variable =
        path != nil || (digitRuns > 0 && (token[start] &- 0x30 < 10 || digits(token, start, end) >= 3))
      if variable && pendingVariable && start - emitted == 1 && ByteClass.isJoiner(token[emitted]) {
        // Joined to the variable before: one wildcard already stands for both.
      } else if variable {
        // A minus sign after punctuation belongs to the number (`vCores:-1`), not inside a word (`blk_-1`).
        let signed =
          start > emitted && token[start - 1] == 0x2D && token[start] &- 0x30 < 10
          && (start == 1 || (ByteClass.isDelimiter(token[start - 2]) && token[start - 2] != 0x2D))
        sink.add(UnsafeRawBufferPointer(rebasing: token[emitted..<(signed ? start - 1 : start)]))
        let joined =
          end < count - 1 && ByteClass.isJoiner(token[end]) && startsVariable(token, at: end + 1)
        if digitRuns == 1 && !joined && !isHex(token, start, end) {
          sink.add(UnsafeRawBufferPointer(rebasing: token[start..<runStart]))
          sink.addWildcard()
          sink.add(UnsafeRawBufferPointer(rebasing: token[runEnd..<end]))
        } else {
          sink.addWildcard()
        }
      } else {
        sink.add(UnsafeRawBufferPointer(rebasing: token[emitted..<end]))
      }
      emitted = end
      pendingVariable = variable
      index = end
    }
    sink.add(UnsafeRawBufferPointer(rebasing: token[emitted..<count]))
  }

  /// Whether the piece at `index` is a variable, by the rules of `maskPieces`.
  private static func startsVariable(_ token: UnsafeRawBufferPointer, at index: Int) -> Bool {
    if pathEnd(token, from: index) != nil || uuidEnd(token, from: index) != nil { return true }
    var end = index
    while end < token.count && !ByteClass.isDelimiter(token[end]) { end += 1 }
    return end > index && (token[index] &- 0x30 < 10 || digits(token, index, end) >= 3)
  }

  private static func digits(_ token: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int {
    var count = 0
    for index in start..<end where token[index] &- 0x30 < 10 { count += 1 }
    return count
  }

  /// The end of a UUID (8-4-4-4-12 hex digits) starting at `start`, whose pieces alone may lack digits.
  private static func uuidEnd(_ token: UnsafeRawBufferPointer, from start: Int) -> Int? {
    let end = start + 36
    guard end <= token.count, end == token.count || !isHex(token[end]) else { return nil }
    for offset in 0..<36 {
      let byte = token[start + offset]
      let dash = offset == 8 || offset == 13 || offset == 18 || offset == 23
      guard dash ? byte == 0x2D : isHex(byte) else { return nil }
    }
    return end
  }

  /// Whether a piece is all hex digits (`001065ac`): one variable, not a number with a unit.
  private static func isHex(_ token: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
    (start..<end).allSatisfy { isHex(token[$0]) }
  }

  @inline(__always)
  private static func isHex(_ byte: UInt8) -> Bool {
    byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 6
  }

  /// The end of an absolute path starting at `start` (`/` then segments, up to a delimiter that cannot be in
  /// a path), as Loghub's `^(/[^/]+)+$` rule finds them, a trailing `/` allowed; nil if none starts there.
  private static func pathEnd(_ token: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard token[start] == 0x2F else { return nil }
    var end = start
    while end < token.count && !ByteClass.isPathDelimiter(token[end]) {
      if token[end] == 0x2F && end + 1 < token.count && token[end + 1] == 0x2F { return nil }
      end += 1
    }
    return end > start + 1 ? end : nil
  }
}

extension MessageShape {
  /// Whether any of a word's bytes is a space or an ASCII digit, tested on all eight at once (the classic
  /// "has a zero byte" bit trick, exact because no borrow crosses a byte: the high bits are set first).
  @inline(__always)
  static func holdsSpaceOrDigit(_ word: UInt64) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    let ascii = ~word & high
    // A byte equal to 0x20: zero after the XOR.
    let spaced = word ^ (ones &* 0x20)
    let space = ~(((spaced & ~high) &+ ~high) | spaced) & high
    // A byte in 0x30...0x39: at least 0x30 and below 0x3A, for ASCII bytes.
    let low = word | high
    let atLeastZero = (low &- ones &* 0x30) & high
    let belowColon = ~(low &- ones &* 0x3A) & high
    return (space | (atLeastZero & belowColon & ascii)) != 0
  }

  /// Whether any of a word's bytes equals `byte`, by the same trick.
  @inline(__always)
  static func holds(_ byte: UInt8, _ word: UInt64) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    let matched = word ^ (ones &* UInt64(byte))
    return ~(((matched & ~high) &+ ~high) | matched) & high != 0
  }
}

/// Where the tokens of a masked message go: each begins, then comes as text and wildcards (`<*>`).
protocol MaskedTokenSink {
  mutating func beginToken()
  mutating func add(_ text: UnsafeRawBufferPointer)
  mutating func addWildcard()
}

/// Collects the masked text, tokens separated by one space.
struct TextSink: MaskedTokenSink {
  var bytes: [UInt8] = []

  mutating func beginToken() {
    if !bytes.isEmpty { bytes.append(0x20) }
  }

  mutating func add(_ text: UnsafeRawBufferPointer) { bytes.append(contentsOf: text) }

  mutating func addWildcard() { bytes.append(contentsOf: [0x3C, 0x2A, 0x3E]) }
}

/// Hashes a whole masked message, token by token, as `TokenHash` hashes each.
private struct ShapeHasher: MaskedTokenSink {
  private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var token = TokenHash()
  private var started = false

  @inline(__always)
  mutating func beginToken() {
    if started { state = TokenHash.combine(state, token.finish()) }
    started = true
    token = TokenHash()
  }

  @inline(__always)
  mutating func add(_ text: UnsafeRawBufferPointer) { token.add(text) }

  @inline(__always)
  mutating func addWildcard() { token.addWildcard() }

  mutating func finish() -> UInt64 {
    if started { state = TokenHash.combine(state, token.finish()) }
    return TokenHash.avalanche(state)
  }
}
