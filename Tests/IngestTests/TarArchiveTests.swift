import Foundation
import Ingest
import Testing

@Suite("Tar archives: each regular file is a source of its own")
struct TarArchiveTests {
  /// Four logs, one per compression, and the entry names `tar` gets them under.
  private static func mixedFiles(in directory: TemporaryDirectory) throws -> [(name: String, lines: [String])]
  {
    let files: [(String, [String])] = [
      ("plain.log", sampleLines(300, tag: "plain")),
      ("logs/gzip.log.gz", sampleLines(400, tag: "gzip")),
      ("logs/lz4.log.lz4", sampleLines(500, tag: "lz4")),
      ("zstd.log.zst", sampleLines(600, tag: "zstd")),
    ]
    for (name, lines) in files {
      let bytes = joined(lines)
      let packed: [UInt8]
      switch name {
      case _ where name.hasSuffix(".gz"): packed = try Compressors.gzip(bytes)
      case _ where name.hasSuffix(".lz4"): packed = try Compressors.lz4Frame(bytes)
      case _ where name.hasSuffix(".zst"): packed = try Compressors.zstd(bytes)
      default: packed = bytes
      }
      try directory.write(packed, to: "in/" + name)
    }
    return files
  }

  private static func tar(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tar"] + arguments
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "tar \(arguments)")
  }

  @Test(
    "a tar of mixed compressions, itself plain, gzip or zstd, yields every entry's lines",
    arguments: ["", "gz", "zst"])
  func mixedCompressions(outer: String) throws {
    let directory = try TemporaryDirectory()
    let files = try Self.mixedFiles(in: directory)
    let archive = directory.path + "/bundle.tar"
    try Self.tar(["-cf", archive, "-C", directory.path + "/in"] + files.map(\.name))
    var path = archive
    if outer == "gz" {
      path = try directory.write(
        try Compressors.gzip(Array(try Data(contentsOf: URL(fileURLWithPath: archive)))), to: "bundle.tar.gz")
    } else if outer == "zst" {
      path = try directory.write(
        try Compressors.zstd(Array(try Data(contentsOf: URL(fileURLWithPath: archive)))), to: "bundle.tar.zst"
      )
    }

    let streams = collectStreams([path]) { $0.chunkSize = 4_096 }

    #expect(streams.map(\.path) == files.map { path + "!/" + $0.name })
    #expect(streams.map(\.compression) == [.plain, .gzip, .lz4, .zstd])
    #expect(streams.map(\.lines) == files.map(\.lines))
    #expect(streams.allSatisfy { $0.fault == nil })
  }

  @Test(
    "names longer than a header holds come from GNU long-name and pax headers", arguments: ["gnu", "pax"])
  func longNames(format: String) throws {
    let directory = try TemporaryDirectory()
    let name = String(repeating: "deep/", count: 30) + "service.log"
    let lines = sampleLines(50)
    try directory.write(joined(lines), to: "in/" + name)
    let archive = directory.path + "/long.tar"
    try Self.tar(["--format=\(format)", "-cf", archive, "-C", directory.path + "/in", name])

    let streams = collectStreams([archive])

    #expect(streams.map(\.path) == [archive + "!/" + name])
    #expect(streams.first?.lines == lines)
  }

  @Test("a truncated .tar.gz keeps the entries before the cut and reports where it stopped")
  func truncatedArchive() throws {
    let directory = try TemporaryDirectory()
    let files = try Self.mixedFiles(in: directory)
    let archive = directory.path + "/bundle.tar"
    try Self.tar(["-cf", archive, "-C", directory.path + "/in"] + files.map(\.name))
    let packed = try Compressors.gzip(Array(try Data(contentsOf: URL(fileURLWithPath: archive))))
    let cut = try directory.write(Array(packed.prefix(packed.count * 3 / 4)), to: "cut.tar.gz")

    let streams = collectStreams([cut])

    let last = try #require(streams.last)
    guard case .truncated(let path, .gzip, let offset) = last.fault else {
      Issue.record("expected the gzip stream truncated, got \(String(describing: last.fault))")
      return
    }
    #expect(path == cut && offset <= packed.count * 3 / 4)
    #expect(streams.dropLast().allSatisfy { $0.fault == nil })
    #expect(Array(streams.dropLast().map(\.lines)) == Array(files.prefix(streams.count - 1).map(\.lines)))
  }

  @Test("a damaged header ends the archive with its offset, after the entries before it")
  func damagedHeader() throws {
    let directory = try TemporaryDirectory()
    let files = try Self.mixedFiles(in: directory)
    let archive = directory.path + "/bundle.tar"
    try Self.tar(["-cf", archive, "-C", directory.path + "/in"] + files.map(\.name))
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: archive)))
    // The second header follows the first entry's data, padded to 512 bytes.
    let firstSize = joined(files[0].lines).count
    let second = 512 + (firstSize + 511) / 512 * 512
    bytes[second + 10] ^= 0xFF
    let damaged = try directory.write(bytes, to: "damaged.tar")

    let streams = collectStreams([damaged])

    #expect(streams.count == 2)
    #expect(streams.first?.lines == files[0].lines)
    #expect(
      streams.last?.fault
        == .damagedArchive(path: damaged, offset: second + 512, detail: "a header's checksum does not match"))
  }
}
