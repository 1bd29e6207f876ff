#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A recursive walk over given paths that follows symbolic links but enters every directory once, so a
/// link back to an ancestor cannot loop.
struct DirectoryWalk {
  /// What identifies a file or directory whatever the path that reaches it.
  private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
    }
  }

  private let filter: PathFilter
  private var found: [(path: String, identity: FileIdentity)] = []
  private var errors: [IngestError] = []
  private var enteredDirectories: Set<FileIdentity> = []

  init(filter: PathFilter) {
    self.filter = filter
  }

  /// A path named by the user: read whatever it is, unless it is a directory to walk.
  mutating func visit(givenPath path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else {
      let code = errno
      errors.append(code == ENOENT ? .missingPath(path) : .unreadable(path: path, reason: Self.reason(code)))
      return
    }
    if Self.isDirectory(status) {
      walk(directory: path, status)
    } else {
      found.append((path, FileIdentity(status)))
    }
  }

  /// The regular files found, sorted by path bytes, each file once under its first path; and the errors.
  func result() -> (sources: [Source], errors: [IngestError]) {
    let sorted = found.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    var seen: Set<FileIdentity> = []
    var sources: [Source] = []
    for file in sorted where seen.insert(file.identity).inserted {
      sources.append(Source(path: file.path))
    }
    var reported: [IngestError] = []
    for error in errors where !reported.contains(error) {
      reported.append(error)
    }
    return (sources, reported)
  }

  /// Depth first with an explicit stack: a deep tree must not exhaust the thread's stack.
  private mutating func walk(directory root: String, _ rootStatus: stat) {
    var pending: [(path: String, status: stat)] = [(root, rootStatus)]
    while let (directory, status) = pending.popLast() {
      guard enteredDirectories.insert(FileIdentity(status)).inserted else { continue }
      var subdirectories: [(path: String, status: stat)] = []
      for name in entryNames(of: directory) where !name.hasPrefix(".") {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        var entry = stat()
        guard stat(path, &entry) == 0 else {
          let code = errno
          var link = stat()
          let dangling = code == ENOENT && lstat(path, &link) == 0
          errors.append(
            .unreadable(path: path, reason: dangling ? "dangling symbolic link" : Self.reason(code)))
          continue
        }
        if Self.isDirectory(entry) {
          subdirectories.append((path, entry))
        } else if Self.isRegularFile(entry),
          filter.accepts(
            relativePath: String(path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1)))
        {
          found.append((path, FileIdentity(entry)))
        }
      }
      pending.append(contentsOf: subdirectories.reversed())
    }
  }

  /// The directory's entry names, sorted by bytes so the walk order does not depend on the file system.
  private mutating func entryNames(of directory: String) -> [String] {
    guard let handle = opendir(directory) else {
      errors.append(.unreadable(path: directory, reason: Self.reason(errno)))
      return []
    }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." {
        names.append(name)
      }
    }
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private static func isDirectory(_ status: stat) -> Bool {
    status.st_mode & S_IFMT == S_IFDIR
  }

  private static func isRegularFile(_ status: stat) -> Bool {
    status.st_mode & S_IFMT == S_IFREG
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
