#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Grafana's data source response JSON (see `GrafanaQueryResponse`): each frame's value fields become series
/// at the frame's time field (epoch milliseconds), `null` points left out as gaps.
///
/// A field's series is its `__name__` label (Prometheus frames carry it), else the frame's name, else its display
/// name, else its own name, with its other labels. Queries are read in `refId` order, so runs are repeatable.
public enum GrafanaQueryParser: DocumentParser {
  public static let format = Format.grafanaQuery

  /// `"results"` and `"frames"` in the first kilobytes.
  public static func recognizes(prefix: UnsafeRawBufferPointer) -> Bool {
    let window = UnsafeRawBufferPointer(rebasing: prefix[..<min(prefix.count, 4096)])
    return ByteLiterals.contains(window, #""results""#) && ByteLiterals.contains(window, #""frames""#)
  }

  public static func parse(_ document: [UInt8], context: ParserContext) throws(FormatError) -> MetricDocument
  {
    let response: GrafanaQueryResponse
    do {
      response = try JSONDecoder().decode(GrafanaQueryResponse.self, from: Data(document))
    } catch {
      let offset = JSONSyntaxCheck.errorOffset(in: document)
      throw .malformedDocument(
        path: context.path, offset: offset,
        detail: offset == nil ? "not a Grafana data source response: \(error)" : "not valid JSON")
    }
    var table = SeriesTable()
    var samples: [MetricSample] = []
    for (refId, result) in response.results.sorted(by: { $0.key < $1.key }) {
      if let error = result.error {
        throw .malformedDocument(path: context.path, offset: nil, detail: "query \(refId) failed: \(error)")
      }
      for (position, frame) in (result.frames ?? []).enumerated() {
        let place = "results.\(refId).frames[\(position)]"
        let fields = frame.schema.fields
        guard let values = frame.data?.values, values.count == fields.count else {
          throw .malformedDocument(
            path: context.path, offset: nil,
            detail: "\(place): \(fields.count) fields but other value columns")
        }
        guard let timeField = fields.firstIndex(where: { $0.type == "time" || $0.name == "Time" }) else {
          throw .malformedDocument(path: context.path, offset: nil, detail: "\(place): no time field")
        }
        let times = values[timeField]
        for (index, field) in fields.enumerated() where index != timeField {
          guard values[index].count == times.count else {
            throw .malformedDocument(
              path: context.path, offset: nil,
              detail: "\(place): field \(field.name) is not as long as the times")
          }
          let series = table.index(of: identity(of: field, in: frame.schema))
          for (time, value) in zip(times, values[index]) {
            guard let time, let value else { continue }
            samples.append(
              MetricSample(series: series, time: Timestamp(milliseconds: Int64(time.rounded())), value: value)
            )
          }
        }
      }
    }
    return MetricDocument(series: table.all, samples: samples)
  }

  private static func identity(of field: GrafanaQueryResponse.Field, in schema: GrafanaQueryResponse.Schema)
    -> MetricSeries
  {
    let labels = (field.labels ?? [:]).filter { $0.key != "__name__" }.map {
      MetricSeries.Label(name: $0.key, value: $0.value)
    }
    let name =
      field.labels?["__name__"] ?? schema.name ?? field.config?.displayNameFromDS ?? field.config?.displayName
      ?? field.name
    return MetricSeries(name: name, labels: labels, kind: .inferred(name: name, labels: labels))
  }
}
