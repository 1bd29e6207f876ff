/// Turns the paths given on the command line into the sources to read.
public enum SourceDiscovery {
  /// Files are taken as given, `-` as standard input; directories are walked recursively, skipping hidden
  /// entries (names starting with `.`), anything that is not a regular file, and files `filter` rejects. The
  /// sources come sorted by path bytes (standard input first), each file once however many paths reach it;
  /// the errors name what could not be read.
  public static func sources(
    for paths: [String], filter: PathFilter = PathFilter()
  ) -> (sources: [Source], errors: [IngestError]) {
    var walk = DirectoryWalk(filter: filter)
    // Walking in a fixed order makes the path a shared file or directory is reported under independent
    // of the order the paths were given in.
    for path in paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where path != "-" {
      walk.visit(givenPath: path)
    }
    let (sources, errors) = walk.result()
    return (paths.contains("-") ? [.standardInput] + sources : sources, errors)
  }
}
