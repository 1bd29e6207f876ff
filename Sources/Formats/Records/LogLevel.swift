/// Severity of a log event, normalised across frameworks (`WARN`, `warning`, `Warning` are all `.warn`).
public enum LogLevel: UInt8, Sendable, CaseIterable, Comparable, Codable {
  case trace, debug, info, warn, error, fatal

  public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The lower-case name used in signal names and reports.
  public var name: String {
    switch self {
    case .trace: "trace"
    case .debug: "debug"
    case .info: "info"
    case .warn: "warn"
    case .error: "error"
    case .fatal: "fatal"
    }
  }
}
