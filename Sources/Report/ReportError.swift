/// Why a report could not be written, naming the path that failed.
public enum ReportError: Error, Equatable, CustomStringConvertible {
  case cannotCreateDirectory(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case cannotListDirectory(path: String, reason: String)
  case cannotRemoveStaleChart(path: String, reason: String)
  case cannotEncode(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotCreateDirectory(let path, let reason):
      "\(path): cannot create the report directory: \(reason)"
    case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
    case .cannotListDirectory(let path, let reason): "\(path): cannot list the chart directory: \(reason)"
    case .cannotRemoveStaleChart(let path, let reason):
      "\(path): cannot remove a chart from an earlier run: \(reason)"
    case .cannotEncode(let path, let reason): "\(path): cannot encode the RCA document: \(reason)"
    }
  }
}
