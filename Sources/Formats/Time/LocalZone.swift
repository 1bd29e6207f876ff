/// The zone of times written without one (`--tz`): a fixed offset (UTC, `+02:00`) or a named zone whose offset
/// follows daylight saving (`Europe/Berlin`).
///
/// A named zone's offset comes from its transitions, read once when the zone is named (`ZoneRules`); finding
/// the one that applies to a time is a binary search in memory, with no zone API on the way.
public enum LocalZone: Sendable, Equatable {
  case fixed(seconds: Int)
  case named(ZoneRules)

  public static let utc = LocalZone.fixed(seconds: 0)

  /// The offset east of UTC of a wall-clock time (seconds since the epoch as if it were UTC).
  @inline(__always)
  public func offset(forLocal local: Int64) -> Int {
    switch self {
    case .fixed(let seconds): seconds
    case .named(let rules): rules.offset(forLocal: local)
    }
  }
}
