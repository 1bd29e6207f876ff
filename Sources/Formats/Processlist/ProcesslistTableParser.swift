/// `SHOW [FULL] PROCESSLIST` as the `mysql` client prints it in table form, one or more snapshots per file.
///
/// PLACEHOLDER: to be implemented.
public struct ProcesslistTableParser: LineParser {
  public static let format = Format.mysqlProcesslistTable
  public static func recognizes(_ line: UnsafeRawBufferPointer) -> Bool { false }
  public let series: [MetricSeries] = []
  public private(set) var assumedZone = false
  public init(context: ParserContext) {}
  public mutating func parse(_ line: UnsafeRawBufferPointer, number: Int) -> Record { .malformed(reason: "todo") }
  public mutating func finish() -> Record? { nil }
}
