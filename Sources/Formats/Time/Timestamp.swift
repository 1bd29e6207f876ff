/// An instant in UTC, in milliseconds since the Unix epoch: every source's time is normalised to this.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
  public var milliseconds: Int64

  public init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }
}
