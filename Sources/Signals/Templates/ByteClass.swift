/// The punctuation that cuts a token into pieces, after the Loghub-2.0 template rules, looked up in tables.
enum ByteClass {
  /// `,;:=|"'[](){}!` and whitespace: the delimiters around a path (a path may hold the others).
  private static let pathDelimiters: [Bool] = table(",;:=|\"'[](){}! \t")
  /// The path delimiters and `.-+@#$%&`: the delimiters between pieces.
  private static let delimiters: [Bool] = table(",;:=|\"'[](){}! \t.-+@#$%&")

  private static func table(_ bytes: String) -> [Bool] {
    var table = [Bool](repeating: false, count: 256)
    for byte in bytes.utf8 { table[Int(byte)] = true }
    return table
  }

  @inline(__always)
  static func isDelimiter(_ byte: UInt8) -> Bool { delimiters.withUnsafeBufferPointer { $0[Int(byte)] } }

  @inline(__always)
  static func isPathDelimiter(_ byte: UInt8) -> Bool {
    pathDelimiters.withUnsafeBufferPointer { $0[Int(byte)] }
  }

  /// Whether two variable pieces joined by `byte` are one variable: `10.0.0.1:80`, a UUID, `03:00:01`.
  @inline(__always)
  static func isJoiner(_ byte: UInt8) -> Bool { byte == 0x2E }
}
