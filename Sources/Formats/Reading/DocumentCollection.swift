/// A whole-document source being read into memory for its `DocumentParser`.
struct DocumentCollection {
  /// Query API responses are small; a larger "document" is almost surely not one, and would exhaust memory.
  static let byteLimit = 256 << 20

  let parser: any DocumentParser.Type
  private(set) var bytes: [UInt8]
  private let path: String

  init(parser: any DocumentParser.Type, prefix: [UInt8], path: String) {
    self.parser = parser
    self.bytes = prefix
    self.path = path
  }

  mutating func append(_ line: UnsafeRawBufferPointer) throws(FormatError) {
    guard bytes.count + line.count + 1 <= Self.byteLimit else {
      throw .malformedDocument(
        path: path, offset: bytes.count,
        detail:
          "document larger than \(Self.byteLimit >> 20) MiB; whole-document formats are read into memory")
    }
    bytes.append(contentsOf: line)
    bytes.append(0x0A)
  }

  func parse(context: ParserContext) throws(FormatError) -> MetricDocument {
    try parser.parse(bytes, context: context)
  }
}
