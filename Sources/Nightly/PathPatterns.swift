#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `paths` entries with `*`, `?` or `[` expanded by the system's `glob(3)`, in sorted order; other entries
/// pass as they are (a directory is walked later). A pattern that matches nothing is returned apart, so the
/// run can say so and count it as skipped input.
enum PathPatterns {
  static func expand(_ entries: [String]) -> (paths: [String], unmatched: [String]) {
    var paths: [String] = []
    var unmatched: [String] = []
    for entry in entries {
      guard entry.contains(where: { "*?[".contains($0) }) else {
        paths.append(entry)
        continue
      }
      var result = glob_t()
      defer { globfree(&result) }
      guard glob(entry, 0, nil, &result) == 0, result.gl_pathc > 0 else {
        unmatched.append(entry)
        continue
      }
      var matches: [String] = []
      for index in 0..<Int(result.gl_pathc) {
        if let path = result.gl_pathv[index] { matches.append(String(cString: path)) }
      }
      paths += matches.sorted()
    }
    return (paths, unmatched)
  }
}
