/// Prometheus text exposition (0.0.4) with timestamps, several scrapes concatenated.
///
/// PLACEHOLDER: to be implemented.
public struct PrometheusTextParser: LineParser {
  public static let format = Format.prometheusText
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool { false }
  public private(set) var series: [MetricSeries] = []
  public private(set) var assumedZone = false
  public init(context: ParserContext) {}
  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record { .malformed(reason: "todo") }
  public mutating func finish() -> Record? { nil }
}
