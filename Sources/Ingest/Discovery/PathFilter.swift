#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which files found by walking a directory are read: `--include` and `--exclude` glob patterns.
///
/// A pattern without `/` is matched against the file's name (`*.gz`), one with `/` against its path below
/// the directory given (`shipping/*.log`); `*` and `?` also match `/` there. A file is read when it matches
/// some include (or there are none) and no exclude. Files named on the command line are always read.
public struct PathFilter: Sendable {
  public var include: [String]
  public var exclude: [String]

  public init(include: [String] = [], exclude: [String] = []) {
    self.include = include
    self.exclude = exclude
  }

  /// Whether the file at `relativePath` below a walked directory is read.
  func accepts(relativePath: String) -> Bool {
    let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
    func matches(_ pattern: String) -> Bool {
      fnmatch(pattern, pattern.contains("/") ? relativePath : name, 0) == 0
    }
    return (include.isEmpty || include.contains(where: matches)) && !exclude.contains(where: matches)
  }
}
