#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// AWS CloudWatch metrics as the `aws` CLI prints them (`get-metric-data`, `get-metric-statistics`): how
/// managed databases are watched (RDS `DatabaseConnections`, `CPUUtilization`), at 60 s or 300 s periods.
///
/// Series are named as YACE exports them, so that a dump and an exporter agree: `aws_database_connections`
/// (with `id`) for a `get-metric-data` result, `aws_cpu_utilization_average` for a statistic. A period's
/// point is stamped with the period's start; the series keeps its own resolution.
public enum CloudWatchParser: DocumentParser {
  public static let format = Format.cloudWatch

  /// `"MetricDataResults"`, or `"Datapoints"` with `"Label"`, in the first kilobytes.
  public static func recognizes(prefix: UnsafeRawBufferPointer) -> Bool {
    let window = UnsafeRawBufferPointer(rebasing: prefix[..<min(prefix.count, 4096)])
    return ByteLiterals.contains(window, #""MetricDataResults""#)
      || ByteLiterals.contains(window, #""Datapoints""#) && ByteLiterals.contains(window, #""Label""#)
  }

  public static func parse(_ document: [UInt8], context: ParserContext) throws(FormatError) -> MetricDocument
  {
    let response: CloudWatchResponse
    do {
      response = try JSONDecoder().decode(CloudWatchResponse.self, from: Data(document))
    } catch {
      let offset = JSONSyntaxCheck.errorOffset(in: document)
      throw .malformedDocument(
        path: context.path, offset: offset,
        detail: offset == nil ? "not a CloudWatch response: \(error)" : "not valid JSON")
    }
    var table = SeriesTable()
    var samples: [MetricSample] = []
    func add(_ identity: MetricSeries, _ points: [(String, Double)], place: String) throws(FormatError) {
      let index = table.index(of: identity)
      for (offset, (text, value)) in points.enumerated() {
        guard let time = Timestamp(rfc3339: text) else {
          throw .malformedDocument(
            path: context.path, offset: nil,
            detail: "\(place) point \(offset): \"\(text)\" is not an ISO 8601 time")
        }
        samples.append(MetricSample(series: index, time: time, value: value))
      }
    }
    for (position, result) in (response.metricDataResults ?? []).enumerated() {
      guard result.timestamps.count == result.values.count else {
        throw .malformedDocument(
          path: context.path, offset: nil,
          detail:
            "MetricDataResults[\(position)]: \(result.timestamps.count) timestamps for \(result.values.count) values"
        )
      }
      let name = "aws_" + snakeCased(result.label ?? result.id ?? "metric")
      let labels = result.id.map { [MetricSeries.Label(name: "id", value: $0)] } ?? []
      try add(
        MetricSeries(name: name, labels: labels, kind: .gauge), Array(zip(result.timestamps, result.values)),
        place: "MetricDataResults[\(position)]")
    }
    if let datapoints = response.datapoints {
      let base = "aws_" + snakeCased(response.label ?? "metric")
      let statistics = Set(datapoints.flatMap(\.statistics.keys)).sorted()
      for statistic in statistics {
        let points = datapoints.compactMap { point in
          point.statistics[statistic].map { (point.timestamp, $0) }
        }
        try add(
          MetricSeries(name: base + "_" + snakeCased(statistic), labels: [], kind: .gauge), points,
          place: "Datapoints \(statistic)")
      }
    }
    return MetricDocument(series: table.all, samples: samples)
  }

  /// `DatabaseConnections` → `database_connections`, `CPUUtilization` → `cpu_utilization`, `p99.9` → `p99_9`.
  static func snakeCased(_ text: String) -> String {
    let characters = Array(text)
    var result = ""
    for (index, character) in characters.enumerated() {
      if character.isUppercase, index > 0 {
        let previous = characters[index - 1]
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
          result.append("_")
        }
      }
      if character.isLetter || character.isNumber {
        result.append(contentsOf: character.lowercased())
      } else if !result.hasSuffix("_") {
        result.append("_")
      }
    }
    return result
  }
}
