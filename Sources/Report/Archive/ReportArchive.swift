import Foundation
import Ingest

/// `--archive`: a report folder as one `.tar.gz` to attach to a ticket.
///
/// POSIX ustar entries in path order, with fixed owner, mode and time, through the project's own
/// deterministic gzip writer: the same report gives the same bytes, so an attachment can be compared.
public enum ReportArchive {
  /// Writes `directory`'s files (recursively) under a top folder named like `directory` into `archive`.
  public static func write(directory: String, to archive: String) throws {
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    let top = root.lastPathComponent
    let files = try regularFiles(under: root)
    let writer: CompressedFileWriter
    do {
      writer = try CompressedFileWriter(path: archive, compression: .gzip, level: 9)
      var folders: Set<String> = [top]
      try writer.write(TarEntry.header(name: top + "/", size: 0, directory: true))
      for relative in files {
        var parent = ""
        for component in relative.split(separator: "/").dropLast() {
          parent += (parent.isEmpty ? "" : "/") + component
          if folders.insert(top + "/" + parent).inserted {
            try writer.write(TarEntry.header(name: top + "/" + parent + "/", size: 0, directory: true))
          }
        }
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
        try writer.write(TarEntry.header(name: top + "/" + relative, size: bytes.count, directory: false))
        try writer.write(bytes)
        try writer.write([UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512))
      }
      // Two zero blocks end the archive.
      try writer.write([UInt8](repeating: 0, count: 1024))
      try writer.close()
    } catch let error as CompressedFileWriter.WriterError {
      throw ReportError.cannotWrite(path: archive, reason: error.description)
    } catch let error as ReportError {
      throw error
    } catch {
      throw ReportError.cannotWrite(path: archive, reason: String(describing: error))
    }
  }

  private static func regularFiles(under root: URL) throws -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
      throw ReportError.cannotListDirectory(path: root.path, reason: "not a readable directory")
    }
    var files: [String] = []
    while let path = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files.append(path)
      }
    }
    return files.sorted()
  }
}

/// One ustar header block (POSIX.1-1988 with the ustar magic).
enum TarEntry {
  static func header(name: String, size: Int, directory: Bool) throws -> [UInt8] {
    var block = [UInt8](repeating: 0, count: 512)
    var nameBytes = Array(name.utf8)
    var prefix: [UInt8] = []
    if nameBytes.count > 100 {
      // ustar splits long paths at a slash into prefix (155) and name (100).
      guard let split = nameBytes.indices.last(where: { nameBytes[$0] == UInt8(ascii: "/") && $0 <= 155 }),
        nameBytes.count - split - 1 <= 100
      else { throw ReportError.cannotWrite(path: name, reason: "path too long for a tar entry") }
      prefix = Array(nameBytes[..<split])
      nameBytes = Array(nameBytes[(split + 1)...])
    }
    func put(_ bytes: [UInt8], at offset: Int) {
      for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
    }
    func octal(_ value: Int, width: Int) -> [UInt8] {
      let digits = String(value, radix: 8)
      return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
    }
    put(nameBytes, at: 0)
    put(octal(directory ? 0o755 : 0o644, width: 8), at: 100)
    put(octal(0, width: 8), at: 108)
    put(octal(0, width: 8), at: 116)
    put(octal(size, width: 12), at: 124)
    put(octal(0, width: 12), at: 136)
    put(Array("        ".utf8), at: 148)
    block[156] = directory ? UInt8(ascii: "5") : UInt8(ascii: "0")
    put(Array("ustar".utf8) + [0] + Array("00".utf8), at: 257)
    put(prefix, at: 345)
    let checksum = block.reduce(0) { $0 + Int($1) }
    put(octal(checksum, width: 7) + [UInt8(ascii: " ")], at: 148)
    return block
  }
}
