import Formats

/// What happened to one source, for the data-quality section.
public struct SourceOutcome: Sendable, Equatable {
  public var path: String
  /// The service the source was attributed to (logs and access logs only).
  public var service: String?
  public var stats: SourceStats
  /// Records dropped because they fell outside `--from`/`--to`.
  public var recordsOutsideWindow: Int
  /// Records dropped because their time lies further from the source's other records than one window spans
  /// (`StreamAccumulator.maximumSpanMilliseconds`): a wrong clock or damaged data.
  public var strayRecords: Int
  /// Why the source could not be read whole, naming the file and line or byte offset.
  public var error: String?
}
