import Formats

/// Times as the report writes them.
enum UTC {
  /// RFC 3339 in UTC (`2026-11-27T02:58:40Z`).
  static func format(_ milliseconds: Int64) -> String {
    Timestamp(milliseconds: milliseconds).rfc3339
  }

  /// The time of day only (`02:58:40`), for sentences within one window.
  static func clock(_ milliseconds: Int64) -> String {
    let full = format(milliseconds)
    guard let t = full.firstIndex(of: "T") else { return full }
    return String(full[full.index(after: t)...].prefix(8))
  }
}
