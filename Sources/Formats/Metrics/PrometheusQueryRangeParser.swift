#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Prometheus HTTP API `/api/v1/query_range` (matrix) and `/api/v1/query` (vector) JSON responses.
///
/// A response is one document of modest size, so Foundation's decoder reads it; only the values and the
/// series identities are Postmortem's own work.
public enum PrometheusQueryRangeParser: DocumentParser {
  public static let format = Format.prometheusQueryRange

  /// `"status"` together with `"resultType"` or `"data"` in the first kilobyte.
  public static func recognizes(prefix: UnsafeRawBufferPointer) -> Bool {
    let window = UnsafeRawBufferPointer(rebasing: prefix[..<min(prefix.count, 1024)])
    return ByteLiterals.contains(window, #""status""#)
      && (ByteLiterals.contains(window, #""resultType""#) || ByteLiterals.contains(window, #""data""#))
  }

  /// The well-formed common case straight from the bytes (`QueryResponseScanner`); anything else through the
  /// decoder, which says what is wrong.
  public static func parse(_ document: [UInt8], context: ParserContext) throws(FormatError) -> MetricDocument
  {
    if let scanned = document.withUnsafeBytes(QueryResponseScanner.read) { return scanned }
    return try decoded(document, context: context)
  }

  /// The response through Foundation's decoder: slower, and precise about what is wrong.
  static func decoded(_ document: [UInt8], context: ParserContext) throws(FormatError) -> MetricDocument {
    let response = try decode(document, path: context.path)
    guard response.status == "success" else {
      let reason = [response.errorType, response.error].compactMap { $0 }.joined(separator: ": ")
      throw .malformedDocument(
        path: context.path, offset: nil,
        detail: "the query failed (status \"\(response.status)\"\(reason.isEmpty ? "" : ", \(reason)"))")
    }
    guard let data = response.data else {
      throw .malformedDocument(
        path: context.path, offset: nil, detail: "a successful response without `data`")
    }
    var table = SeriesTable()
    var samples: [MetricSample] = []
    for (resultIndex, result) in data.result.enumerated() {
      let index = table.index(of: seriesIdentity(of: result.metric))
      for (pointIndex, point) in result.points.enumerated() {
        let place = "data.result[\(resultIndex)] point \(pointIndex)"
        let milliseconds = (point.seconds * 1000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 1e15 else {
          throw .malformedDocument(
            path: context.path, offset: nil, detail: "\(place): time \(point.seconds) is not epoch seconds")
        }
        var text = point.value
        let value = text.withUTF8 { DecimalBytes.double(in: UnsafeRawBufferPointer($0), 0..<$0.count) }
        guard let value else {
          throw .malformedDocument(
            path: context.path, offset: nil, detail: "\(place): value \"\(point.value)\" is not a number")
        }
        samples.append(
          MetricSample(series: index, time: Timestamp(milliseconds: Int64(milliseconds)), value: value))
      }
    }
    return MetricDocument(series: table.all, samples: samples)
  }

  private static func decode(_ document: [UInt8], path: String) throws(FormatError) -> QueryResponse {
    do {
      return try JSONDecoder().decode(QueryResponse.self, from: Data(document))
    } catch let error as DecodingError {
      throw malformed(error, document: document, path: path)
    } catch {
      throw .malformedDocument(path: path, offset: nil, detail: "\(error)")
    }
  }

  /// A syntax error anywhere wins, with the byte offset `JSONSyntaxCheck` finds (the decoder reports some,
  /// like a control byte inside a string, only as a type mismatch); shape errors name the JSON path.
  private static func malformed(_ error: DecodingError, document: [UInt8], path: String) -> FormatError {
    if let offset = JSONSyntaxCheck.errorOffset(in: document) {
      return .malformedDocument(path: path, offset: offset, detail: "not valid JSON")
    }
    switch error {
    case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
      return .malformedDocument(
        path: path, offset: nil, detail: "\(jsonPath(context.codingPath)): \(context.debugDescription)")
    case .keyNotFound(let key, let context):
      return .malformedDocument(
        path: path, offset: nil, detail: "\(jsonPath(context.codingPath)): no \"\(key.stringValue)\"")
    @unknown default:
      return .malformedDocument(path: path, offset: nil, detail: "\(error)")
    }
  }

  /// `data.result[3].values[7]`, or `the top level` for an empty path.
  private static func jsonPath(_ codingPath: [any CodingKey]) -> String {
    guard !codingPath.isEmpty else { return "the top level" }
    var path = ""
    for key in codingPath {
      if let index = key.intValue {
        path += "[\(index)]"
      } else {
        path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return path
  }

  /// An expression result (`sum by (destination) (…)`) has no `__name__`; a name is built from its labels so
  /// that it still reads in a report: `{destination=shipping}`.
  static func seriesIdentity(of metric: [String: String]) -> MetricSeries {
    let labels = metric.filter { $0.key != "__name__" }.map {
      MetricSeries.Label(name: $0.key, value: $0.value)
    }
    guard let name = metric["__name__"] else {
      let sorted = labels.sorted { $0.name < $1.name }
      let readable = "{" + sorted.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + "}"
      return MetricSeries(name: readable, labels: labels, kind: .gauge)
    }
    return MetricSeries(name: name, labels: labels, kind: .inferred(name: name, labels: labels))
  }
}
