/// The shape of a log message: its words with the variable parts (numbers, ids, addresses) masked, so that
/// `…timed out after 30662ms.` and `…after 30000ms.` count as one template.
///
/// A space-separated token with one run of digits keeps its letters (`HikariPool-1` → `HikariPool-<*>`,
/// `30000ms.` → `<*>ms.`); a token with several runs (an IP, a UUID, `Impl@7ac48e10`) becomes `<*>`.
/// Drain-style mining replaces this in a later stage; the masking stays the same.
enum MessageShape {
  static let wildcard: [UInt8] = Array("<*>".utf8)

  /// A hash of the masked message, computed without allocating.
  ///
  /// Bytes are gathered into 64-bit words and mixed a word at a time: FNV-1a's multiply per byte made this
  /// the costliest step of reading a log (11% of a run).
  static func hash(_ message: UnsafeRawBufferPointer) -> UInt64 {
    var hasher = WordHasher()
    forEachMaskedPiece(message) { hasher.add($0) }
    return hasher.finish()
  }

  /// Mixes a byte stream a word at a time; the result depends only on the bytes, not on how they were cut.
  private struct WordHasher {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var word: UInt64 = 0
    private var shift: UInt64 = 0
    private var length: UInt64 = 0

    @inline(__always)
    mutating func add(_ piece: UnsafeRawBufferPointer) {
      for byte in piece {
        word |= UInt64(byte) &<< shift
        shift &+= 8
        if shift == 64 { mix() }
      }
      length &+= UInt64(piece.count)
    }

    @inline(__always)
    private mutating func mix() {
      state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
      state ^= state &>> 32
      word = 0
      shift = 0
    }

    /// A final avalanche (from MurmurHash3's `fmix64`) so every input bit reaches every output bit.
    mutating func finish() -> UInt64 {
      if shift > 0 { mix() }
      var hash = state ^ length
      hash ^= hash &>> 33
      hash = hash &* 0xC4CE_B9FE_1A85_EC53
      hash ^= hash &>> 33
      return hash
    }
  }

  /// The masked message as text, made once per new template.
  static func template(_ message: UnsafeRawBufferPointer) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(message.count)
    forEachMaskedPiece(message) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Calls `body` with the pieces whose concatenation is the masked message; runs of spaces become one.
  private static func forEachMaskedPiece(
    _ message: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void
  ) {
    let spaceByte: UInt8 = 0x20
    withUnsafeBytes(of: spaceByte) { space in
      wildcard.withUnsafeBytes { star in
        var index = 0
        var first = true
        let count = message.count
        while index < count {
          while index < count && message[index] == 0x20 { index += 1 }
          guard index < count else { break }
          var end = index
          var digitRuns = 0
          var runStart = -1
          var runEnd = -1
          var inDigits = false
          while end < count && message[end] != 0x20 {
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
          if !first { body(space) }
          first = false
          switch digitRuns {
          case 0:
            body(UnsafeRawBufferPointer(rebasing: message[index..<end]))
          case 1:
            body(UnsafeRawBufferPointer(rebasing: message[index..<runStart]))
            body(star)
            body(UnsafeRawBufferPointer(rebasing: message[runEnd..<end]))
          default:
            body(star)
          }
          index = end
        }
      }
    }
  }
}
