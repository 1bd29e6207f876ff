/// Turns the paths given on the command line into the sources to read.
public enum SourceDiscovery {
  /// Files are taken as given; directories are walked recursively, skipping hidden entries (names starting
  /// with `.`) and anything that is not a regular file. The sources come sorted by path bytes, each file
  /// once however many paths reach it; the errors name what could not be read.
  public static func sources(for paths: [String]) -> (sources: [Source], errors: [IngestError]) {
    var walk = DirectoryWalk()
    // Walking in a fixed order makes the path a shared file or directory is reported under independent
    // of the order the paths were given in.
    for path in paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      walk.visit(givenPath: path)
    }
    return walk.result()
  }
}
