/// Everything that stops a nightly run before it can report, each with what a person needs to fix it.
public enum NightlyError: Error, Equatable, CustomStringConvertible {
  case cannotReadConfig(path: String, reason: String)
  case invalidConfig(path: String, reason: String)
  case invalidOption(String)
  case storeBusy(path: String, waitedSeconds: Int)
  case store(path: String, reason: String)
  case report(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotReadConfig(let path, let reason): "\(path): cannot read the configuration: \(reason)"
    case .invalidConfig(let path, let reason): "\(path): \(reason)"
    case .invalidOption(let reason): reason
    case .storeBusy(let path, let waited):
      "\(path): another nightly run holds the store's lock"
        + (waited > 0 ? " (waited \(waited) s)" : "") + "; try again when it has finished, or raise --wait"
    case .store(let path, let reason): "\(path): store: \(reason)"
    case .report(let path, let reason): "\(path): cannot write the nightly report: \(reason)"
    }
  }
}
