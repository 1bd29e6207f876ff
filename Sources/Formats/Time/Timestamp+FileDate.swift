#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Timestamp {
  /// When the file at `path` was last written; an archive entry (`bundle.tar.gz!/var/log/syslog`) takes the
  /// archive's. Nil for a source with no file behind it (standard input) or one that cannot be stat'ed.
  static func modification(ofFile path: String) -> Timestamp? {
    let file = path.firstRange(of: "!/").map { String(path[..<$0.lowerBound]) } ?? path
    var status = stat()
    guard !file.isEmpty, stat(file, &status) == 0 else { return nil }
    return Timestamp(
      milliseconds: Int64(status.st_mtim.tv_sec) * 1000 + Int64(status.st_mtim.tv_nsec) / 1_000_000)
  }

  /// The UTC civil date of the instant.
  var utcDate: (year: Int, month: Int, day: Int) {
    CivilCalendar.date(days: Int(milliseconds.floorDivided(by: 86_400_000).quotient))
  }
}
