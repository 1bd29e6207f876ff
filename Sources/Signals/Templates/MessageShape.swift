/// The shape of a log message: its words with the variable parts (numbers, ids, addresses) masked, so that
/// `…timed out after 30662ms.` and `…after 30000ms.` count as one template.
///
/// A space-separated token with one run of digits keeps its letters (`HikariPool-1` → `HikariPool-<*>`,
/// `30000ms.` → `<*>ms.`); a token with several runs (an IP, a UUID, `Impl@7ac48e10`) becomes `<*>`.
/// Drain-style mining replaces this in a later stage; the masking stays the same.
enum MessageShape {
  static let wildcard: [UInt8] = Array("<*>".utf8)

  /// FNV-1a hash of the masked message, computed without allocating.
  static func hash(_ message: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    forEachMaskedPiece(message) { piece in
      for byte in piece {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    return hash
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
