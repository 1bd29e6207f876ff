/// The shape of a log message: its words with the variable parts (numbers, ids, addresses) masked, so that
/// `…timed out after 30662ms.` and `…after 30000ms.` count as one template.
///
/// A space-separated token with one run of digits keeps its letters (`HikariPool-1` → `HikariPool-<*>`,
/// `30000ms.` → `<*>ms.`); a token with several runs (an IP, a UUID, `Impl@7ac48e10`) becomes `<*>`.
/// Drain-style mining replaces this in a later stage; the masking stays the same.
enum MessageShape {
  /// A hash of the masked message, computed without allocating.
  ///
  /// Tokens are mixed eight bytes at a time: FNV-1a's multiply per byte made this the costliest step of
  /// reading a log (11% of a run).
  static func hash(_ message: UnsafeRawBufferPointer) -> UInt64 {
    var hasher = TokenHasher()
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
  private static func mask<Sink: MaskedTokenSink>(_ message: UnsafeRawBufferPointer, into sink: inout Sink) {
    var index = 0
    let count = message.count
    while index < count {
      while index < count && message[index] == 0x20 { index += 1 }
      guard index < count else { break }
      var end = index
      var digitRuns = 0
      var runStart = -1
      var runEnd = -1
      var inDigits = false
      // Eight bytes holding neither a space nor a digit are passed at once; after eight that do, the next
      // eight are read byte by byte, so short tokens do not pay for the test at every byte.
      var probe = end
      while end < count && message[end] != 0x20 {
        if end >= probe, !inDigits, end + 8 <= count {
          if !Self.holdsSpaceOrDigit(message.loadUnaligned(fromByteOffset: end, as: UInt64.self)) {
            end += 8
            probe = end
            continue
          }
          probe = end + 8
        }
        let isDigit = message[end] &- 0x30 < 10
        if isDigit && !inDigits {
          digitRuns += 1
          runStart = end
        }
        if !isDigit && inDigits { runEnd = end }
        inDigits = isDigit
        end += 1
      }
      if inDigits { runEnd = end }
      sink.beginToken()
      switch digitRuns {
      case 0:
        sink.add(UnsafeRawBufferPointer(rebasing: message[index..<end]))
      case 1:
        sink.add(UnsafeRawBufferPointer(rebasing: message[index..<runStart]))
        sink.addWildcard()
        sink.add(UnsafeRawBufferPointer(rebasing: message[runEnd..<end]))
      default:
        sink.addWildcard()
      }
      index = end
    }
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
}

/// Where the tokens of a masked message go: each begins, then comes as text and wildcards (`<*>`).
private protocol MaskedTokenSink {
  mutating func beginToken()
  mutating func add(_ text: UnsafeRawBufferPointer)
  mutating func addWildcard()
}

/// Collects the masked text, tokens separated by one space.
private struct TextSink: MaskedTokenSink {
  var bytes: [UInt8] = []

  mutating func beginToken() {
    if !bytes.isEmpty { bytes.append(0x20) }
  }

  mutating func add(_ text: UnsafeRawBufferPointer) { bytes.append(contentsOf: text) }

  mutating func addWildcard() { bytes.append(contentsOf: [0x3C, 0x2A, 0x3E]) }
}

/// Mixes tokens eight bytes at a time, with a marker before each token, so that messages with the same masked
/// text hash alike: within a token, bytes are gathered into words however they arrive (`ab`, `<*>`, `cd` as
/// `ab<*>cd`), and a word-aligned run is loaded whole.
private struct TokenHasher: MaskedTokenSink {
  private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  /// Bytes of the current token not yet mixed, lowest first.
  private var word: UInt64 = 0
  private var shift: UInt64 = 0

  @inline(__always)
  mutating func beginToken() {
    flush()
    mix(0x5EED_0000_0000_0001)
  }

  @inline(__always)
  mutating func addWildcard() {
    add(byte: 0x3C)
    add(byte: 0x2A)
    add(byte: 0x3E)
  }

  @inline(__always)
  mutating func add(_ text: UnsafeRawBufferPointer) {
    guard let base = text.baseAddress else { return }
    var index = 0
    if shift == 0 {
      while index + 8 <= text.count {
        mix(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        index += 8
      }
    }
    while index < text.count {
      add(byte: text[index])
      index += 1
    }
  }

  @inline(__always)
  private mutating func add(byte: UInt8) {
    word |= UInt64(byte) &<< shift
    shift &+= 8
    if shift == 64 {
      mix(word)
      word = 0
      shift = 0
    }
  }

  /// Mixes the token's last bytes, with their count in the top byte so that `ab` and `ab\0` differ.
  @inline(__always)
  private mutating func flush() {
    guard shift > 0 else { return }
    mix(word | (shift &<< 53))
    word = 0
    shift = 0
  }

  @inline(__always)
  private mutating func mix(_ word: UInt64) {
    state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
    state ^= state &>> 32
  }

  /// A final avalanche (from MurmurHash3's `fmix64`) so every input bit reaches every output bit.
  mutating func finish() -> UInt64 {
    flush()
    var hash = state
    hash ^= hash &>> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash &>> 33
    return hash
  }
}
