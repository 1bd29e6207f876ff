import Foundation

/// Turns the paths given on the command line into the sources to read.
///
/// PLACEHOLDER: files and one directory level, sorted; replaced by the recursive walk.
public enum SourceDiscovery {
  public static func sources(for paths: [String]) -> (sources: [Source], errors: [IngestError]) {
    var sources: [Source] = []
    var errors: [IngestError] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        errors.append(.missingPath(path))
        continue
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
        for name in names.sorted() {
          let full = path + "/" + name
          var sub: ObjCBool = false
          if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue {
            sources.append(Source(path: full))
          }
        }
      } else {
        sources.append(Source(path: path))
      }
    }
    return (sources, errors)
  }
}
