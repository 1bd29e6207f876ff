public import Formats
public import Ingest

/// How sources become signals.
public struct ExtractionOptions: Sendable {
  /// Width of the finest bucket; coarser sources (30 s processlist snapshots) keep their own width.
  public var resolutionSeconds: Int
  public var read: ReadOptions
  /// Records outside `from..<to` (epoch milliseconds) are ignored; nil means the data's own extent.
  public var from: Int64?
  public var to: Int64?
  /// Which files of the directories walked are read.
  public var filter: PathFilter
  /// Which service each source's logs belong to.
  public var naming: ServiceNaming

  public init(
    resolutionSeconds: Int = 10, read: ReadOptions = ReadOptions(), from: Int64? = nil, to: Int64? = nil,
    filter: PathFilter = PathFilter(), naming: ServiceNaming = ServiceNaming()
  ) {
    self.naming = naming
    self.resolutionSeconds = resolutionSeconds
    self.read = read
    self.from = from
    self.to = to
    self.filter = filter
  }
}
