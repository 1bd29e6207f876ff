import Testing

@testable import Formats

@Suite("Whole-document sources")
struct DocumentCollectionTests {
  /// Hands back the document it was given as one sample per byte, so the test sees exactly what was collected.
  enum EchoDocument: DocumentParser {
    static let format = Format.prometheusQueryRange
    static func recognizes(prefix: UnsafeRawBufferPointer) -> Bool { true }
    static func parse(_ document: [UInt8], context: ParserContext) throws(FormatError) -> MetricDocument {
      MetricDocument(
        series: [],
        samples: document.map { MetricSample(series: 0, time: Timestamp(milliseconds: 0), value: Double($0)) }
      )
    }
  }

  private func append(_ text: String, to document: inout DocumentCollection) throws {
    var text = text
    try text.withUTF8 { try document.append(UnsafeRawBufferPointer($0)) }
  }

  @Test("the buffered prefix and the following lines reach the parser as one document, one newline per line")
  func collects() throws {
    var document = DocumentCollection(parser: EchoDocument.self, prefix: Array("{\n".utf8), path: "q.json")
    try append(#""status":"success""#, to: &document)
    try append("}", to: &document)
    let parsed = try document.parse(context: ParserContext(path: "q.json", options: ReadOptions()))
    #expect(parsed.samples.map { UInt8($0.value) } == Array("{\n\"status\":\"success\"\n}\n".utf8))
  }

  @Test("a document over the size limit is refused with its path and the offset reached")
  func limit() throws {
    var document = DocumentCollection(parser: EchoDocument.self, prefix: [], path: "big.json", byteLimit: 10)
    try append("12345", to: &document)
    let error = #expect(throws: FormatError.self) { try append("67890", to: &document) }
    guard case .malformedDocument(let path, let offset, _) = error else {
      Issue.record("expected a malformed-document error, got \(String(describing: error))")
      return
    }
    #expect(path == "big.json")
    #expect(offset == 6)
  }
}
