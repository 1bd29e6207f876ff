/// A whole-document source being read into memory for its `DocumentParser`.
struct DocumentCollection {
  /// Query API responses are small; a larger "document" is almost surely not one, and would exhaust memory.
  static let defaultByteLimit = 256 << 20

  let parser: any DocumentParser.Type
  private(set) var bytes: [UInt8]
  private let path: String
  private let byteLimit: Int

  init(parser: any DocumentParser.Type, prefix: [UInt8], path: String, byteLimit: Int = defaultByteLimit) {
    self.parser = parser
    self.bytes = prefix
    self.path = path
    self.byteLimit = byteLimit
  }

  mutating func append(_ line: UnsafeRawBufferPointer) throws(FormatError) {
    guard bytes.count + line.count + 1 <= byteLimit else {
      throw .malformedDocument(
        path: path, offset: bytes.count,
        detail: "document larger than \(byteLimit) bytes; whole-document formats are read into memory")
    }
    bytes.append(contentsOf: line)
    bytes.append(0x0A)
  }

  func parse(context: ParserContext) throws(FormatError) -> MetricDocument {
    try parser.parse(bytes, context: context)
  }
}
