/// Reads a tar archive's regular files one after the other from its decoded bytes, streaming: an entry's
/// data is handed out as it is read, never held whole.
final class TarArchive {
  /// The archive's own path, which entry names are appended to.
  let path: String
  private let input: BufferedInput
  /// Data bytes of the current entry not yet read, and the padding after them.
  private var remaining = 0
  private var padding = 0
  /// Set once the archive itself could not be read on: its decoder failed or a header is damaged.
  private(set) var broken = false
  /// Room for a header, or for bytes being skipped.
  private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)

  init(path: String, input: BufferedInput) {
    self.path = path
    self.input = input
  }

  deinit {
    scratch.deallocate()
  }

  /// The name sources of the archive's entries get: `bundle.tar.gz!/logs/app.log`.
  func entryPath(_ name: String) -> String {
    path + "!/" + name
  }

  /// Skips what is left of the current entry and reads headers up to the next regular file's; nil at the
  /// end of the archive.
  func nextEntry() throws(IngestError) -> TarHeader? {
    var longName: String?
    while true {
      try skip(remaining + padding)
      remaining = 0
      padding = 0
      let header = UnsafeMutableRawBufferPointer(rebasing: scratch[..<TarHeader.blockSize])
      let got = try readFully(into: header)
      if got == 0 { return nil }  // an archive without its end blocks, as `tar` accepts
      guard got == TarHeader.blockSize else { throw damaged("the archive ends inside a header") }
      if TarHeader.isEndBlock(UnsafeRawBufferPointer(header)) { return nil }
      guard let parsed = TarHeader(UnsafeRawBufferPointer(header)) else {
        throw damaged("a header's checksum does not match")
      }
      remaining = parsed.size
      padding = (TarHeader.blockSize - parsed.size % TarHeader.blockSize) % TarHeader.blockSize
      switch parsed.kind {
      case .file:
        guard let name = longName else { return parsed }
        return TarHeader(renaming: parsed, to: name)
      case .longName:
        longName = try readSmallEntry().split(separator: 0).first.map { String(decoding: $0, as: UTF8.self) }
      case .paxHeader:
        longName = Self.paxPath(try readSmallEntry()) ?? longName
      case .other:
        continue
      }
    }
  }

  /// Reads the current entry's data; 0 at its end.
  func readEntry(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    guard remaining > 0 else { return 0 }
    let count = min(buffer.count, remaining)
    let got: Int
    do {
      got = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]))
    } catch {
      broken = true
      throw error
    }
    guard got > 0 else { throw damaged("the archive ends inside an entry") }
    remaining -= got
    return got
  }

  /// A long name or pax header's data: small, read whole (at most 1 MiB).
  private func readSmallEntry() throws(IngestError) -> [UInt8] {
    guard remaining <= 1 << 20 else { throw damaged("an extended header of \(remaining) bytes") }
    var data: [UInt8] = []
    while remaining > 0 {
      let piece = UnsafeMutableRawBufferPointer(rebasing: scratch[..<min(remaining, scratch.count)])
      let got = try readFully(into: piece)
      guard got == piece.count else { throw damaged("the archive ends inside an extended header") }
      data.append(contentsOf: piece)
      remaining -= got
    }
    return data
  }

  /// `path=` of pax records (`"%d path=%s\n"`).
  private static func paxPath(_ data: [UInt8]) -> String? {
    for record in data.split(separator: 0x0A) {
      guard let space = record.firstIndex(of: 0x20) else { continue }
      let field = record[record.index(after: space)...]
      if field.starts(with: Array("path=".utf8)) {
        return String(decoding: field.dropFirst(5), as: UTF8.self)
      }
    }
    return nil
  }

  private func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    var filled = 0
    while filled < buffer.count {
      let got: Int
      do {
        got = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      } catch {
        broken = true
        throw error
      }
      if got == 0 { break }
      filled += got
    }
    return filled
  }

  private func skip(_ count: Int) throws(IngestError) {
    var left = count
    while left > 0 {
      let got = try readFully(
        into: UnsafeMutableRawBufferPointer(rebasing: scratch[..<min(left, scratch.count)]))
      guard got > 0 else { throw damaged("the archive ends inside an entry") }
      left -= got
    }
  }

  private func damaged(_ detail: String) -> IngestError {
    broken = true
    return .damagedArchive(path: path, offset: input.consumedOffset, detail: detail)
  }
}

/// An entry's data as a byte source, for the decoder that reads it.
final class TarEntrySource: ByteSource {
  let path: String
  private let archive: TarArchive

  init(archive: TarArchive, path: String) {
    self.archive = archive
    self.path = path
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    try archive.readEntry(into: buffer)
  }
}
