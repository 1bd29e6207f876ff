/// The hash of one masked token, mixed eight bytes at a time: within a token, bytes are gathered into words
/// however they arrive (`ab`, `<*>`, `cd` as `ab<*>cd`), so a token hashes alike as masked line and as
/// template text, and a word-aligned run is loaded whole (FNV-1a's multiply per byte made hashing the
/// costliest step of reading a log).
struct TokenHash {
  private var state: UInt64 = 0x5EED_0000_0000_0001
  /// Bytes not yet mixed, lowest first.
  private var word: UInt64 = 0
  private var shift: UInt64 = 0
  /// Whether a wildcard was added: the token is (partly) variable.
  private(set) var isVariable = false

  /// The hash of the token `<*>`.
  static let wildcard: UInt64 = {
    var hash = TokenHash()
    hash.addWildcard()
    return hash.finish()
  }()

  @inline(__always)
  mutating func addWildcard() {
    isVariable = true
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

  @inline(__always)
  private mutating func mix(_ word: UInt64) {
    state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
    state ^= state &>> 32
  }

  /// The token's hash, its last bytes mixed with their count in the top byte so that `ab` and `ab\0` differ.
  @inline(__always)
  func finish() -> UInt64 {
    var copy = self
    if copy.shift > 0 { copy.mix(copy.word | (copy.shift &<< 53)) }
    return Self.avalanche(copy.state)
  }

  /// Folds a token's hash into a sequence's.
  @inline(__always)
  static func combine(_ state: UInt64, _ token: UInt64) -> UInt64 {
    let mixed = (state ^ token) &* 0x9E37_79B9_7F4A_7C15
    return mixed ^ (mixed &>> 29)
  }

  /// A final avalanche (from MurmurHash3's `fmix64`) so every input bit reaches every output bit.
  @inline(__always)
  static func avalanche(_ value: UInt64) -> UInt64 {
    var hash = value
    hash ^= hash &>> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash &>> 33
    return hash
  }
}
