/// The punctuation that cuts a token into pieces, after the Loghub-2.0 template rules: bit masks over ASCII,
/// low and high half (a table in a `static let` cost a `swift_once` check per byte, 7% of mining).
enum ByteClass {
  /// `,;:=|"'[](){}!`, space and tab: the delimiters around a path (a path may hold the others).
  private static let pathLow: UInt64 = 0x2C00_1387_0000_0200
  private static let pathHigh: UInt64 = 0x3800_0000_2800_0000
  /// The path delimiters and `.-+@#$%&`: the delimiters between pieces.
  private static let pieceLow: UInt64 = 0x2C00_7BFF_0000_0200
  private static let pieceHigh: UInt64 = 0x3800_0000_2800_0001

  @inline(__always)
  private static func contains(_ byte: UInt8, _ low: UInt64, _ high: UInt64) -> Bool {
    byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte < 128 && (high >> UInt64(byte - 64)) & 1 != 0
  }

  @inline(__always)
  static func isDelimiter(_ byte: UInt8) -> Bool { contains(byte, pieceLow, pieceHigh) }

  @inline(__always)
  static func isPathDelimiter(_ byte: UInt8) -> Bool { contains(byte, pathLow, pathHigh) }

  /// Whether two variable pieces joined by `byte` are one variable: the parts of an IP or a decimal (Loghub's
  /// templates keep `:`, `-` and `#` between variables).
  @inline(__always)
  static func isJoiner(_ byte: UInt8) -> Bool { byte == 0x2E }
}
