/// Why an exposition is not conforming OpenMetrics 1.0 text: the first rule it breaks, and where.
public struct OpenMetricsViolation: Error, Sendable, Equatable, CustomStringConvertible {
  /// The 1-based line that breaks the rule; for a family-wide rule, the line where the family ended.
  public var line: Int
  /// What is wrong, worded so that the fix is clear.
  public var reason: String

  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  public var description: String { "line \(line): \(reason)" }
}
