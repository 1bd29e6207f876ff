import Foundation
import Ingest
import Testing

@Suite("Source discovery")
struct SourceDiscoveryTests {
  @Test("directories are walked recursively in byte order, skipping hidden entries")
  func walkOrder() throws {
    let directory = try TemporaryDirectory()
    for name in [
      "b.log", "a/z.log", "a/B.log", "a/nested/deep.log.gz", "C.log", ".hidden.log", ".git/config",
      "a/.cache/x.log", "Z/é.log", "Z/e.log",
    ] {
      try directory.write("line\n", to: name)
    }
    let root = directory.path

    let (sources, errors) = SourceDiscovery.sources(for: [root])

    #expect(errors.isEmpty)
    #expect(
      sources.map(\.path)
        == [
          "C.log", "Z/e.log", "Z/é.log", "a/B.log", "a/nested/deep.log.gz", "a/z.log", "b.log",
        ].map { root + "/" + $0 })
  }

  @Test("a file given by name is read even when hidden; duplicates are read once")
  func givenFiles() throws {
    let directory = try TemporaryDirectory()
    let hidden = try directory.write("x\n", to: ".secret.log")
    let visible = try directory.write("x\n", to: "dir/visible.log")

    let (sources, errors) = SourceDiscovery.sources(for: [visible, hidden, visible, directory.path + "/dir"])

    #expect(errors.isEmpty)
    #expect(sources.map(\.path) == [hidden, visible])
  }

  @Test("a missing path is reported and the others are still found")
  func missingPath() throws {
    let directory = try TemporaryDirectory()
    let present = try directory.write("x\n", to: "present.log")
    let missing = directory.path + "/missing.log"

    let (sources, errors) = SourceDiscovery.sources(for: [missing, present])

    #expect(sources.map(\.path) == [present])
    #expect(errors == [.missingPath(missing)])
    #expect(errors.first?.description == "\(missing): no such file or directory")
  }

  @Test("symbolic link loops end, each file is listed once, and dangling links are reported")
  func symbolicLinks() throws {
    let directory = try TemporaryDirectory()
    let root = directory.path
    try directory.write("x\n", to: "logs/app.log")
    let manager = FileManager.default
    try manager.createSymbolicLink(atPath: root + "/logs/loop", withDestinationPath: root + "/logs")
    try manager.createSymbolicLink(atPath: root + "/logs/parent", withDestinationPath: "..")
    try manager.createSymbolicLink(atPath: root + "/logs/self-a", withDestinationPath: "self-b")
    try manager.createSymbolicLink(atPath: root + "/logs/self-b", withDestinationPath: "self-a")
    try manager.createSymbolicLink(atPath: root + "/logs/gone", withDestinationPath: root + "/nowhere")
    try manager.createSymbolicLink(atPath: root + "/alias.log", withDestinationPath: root + "/logs/app.log")

    let (sources, errors) = SourceDiscovery.sources(for: [root])

    #expect(sources.map(\.path) == [root + "/alias.log"])
    #expect(errors.count == 3)
    #expect(errors.contains(.unreadable(path: root + "/logs/gone", reason: "dangling symbolic link")))
  }

  @Test("sockets, pipes and other special files in a walked directory are not sources")
  func specialFiles() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("x\n", to: "a.log")
    #expect(mkfifo(directory.path + "/pipe", 0o600) == 0)

    let (sources, errors) = SourceDiscovery.sources(for: [directory.path])

    #expect(errors.isEmpty)
    #expect(sources.map(\.path) == [file])
  }

  @Test("the result does not depend on the order paths are given in")
  func orderIndependent() throws {
    let directory = try TemporaryDirectory()
    let a = try directory.write("x\n", to: "a/1.log")
    let b = try directory.write("x\n", to: "b/2.log")
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/b/to-a", withDestinationPath: directory.path + "/a")

    let forward = SourceDiscovery.sources(for: [directory.path + "/a", directory.path + "/b"])
    let backward = SourceDiscovery.sources(for: [directory.path + "/b", directory.path + "/a"])

    #expect(forward.sources == backward.sources)
    #expect(forward.sources.map(\.path) == [a, b])
  }
}

@Suite("Choosing the files of walked directories")
struct PathFilterTests {
  @Test("patterns without / match names, with / paths below the directory; excludes win; named files stay")
  func includeExclude() throws {
    let directory = try TemporaryDirectory()
    for name in ["a.log.gz", "b.log", "istio/c.log.gz", "istio/d.txt", "old/e.log.gz"] {
      try directory.write("x\n", to: name)
    }
    let named = try directory.write("x\n", to: "named.txt")
    let filter = PathFilter(include: ["*.gz", "istio/*"], exclude: ["old/*"])

    let (sources, errors) = SourceDiscovery.sources(for: [directory.path, named], filter: filter)

    #expect(errors.isEmpty)
    let root = directory.path + "/"
    #expect(
      sources.map { String($0.path.dropFirst(root.count)) } == [
        "a.log.gz", "istio/c.log.gz", "istio/d.txt", "named.txt",
      ])
  }

  @Test("- is standard input, listed first and once")
  func standardInput() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("x\n", to: "a.log")
    let (sources, _) = SourceDiscovery.sources(for: [file, "-", "-"])
    #expect(sources == [.standardInput, Source(path: file)])
  }
}
