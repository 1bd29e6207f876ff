/// Prometheus HTTP API `/api/v1/query_range` (matrix) and `/api/v1/query` (vector) JSON responses.
///
/// PLACEHOLDER: to be implemented.
public enum PrometheusQueryRangeParser: DocumentParser {
  public static let format = Format.prometheusQueryRange
  public static func recognizes(prefix: UnsafeRawBufferPointer) -> Bool { false }
  public static func parse(_ document: [UInt8], context: ParserContext) throws(FormatError) -> MetricDocument {
    throw .malformedDocument(path: context.path, offset: nil, detail: "todo")
  }
}
