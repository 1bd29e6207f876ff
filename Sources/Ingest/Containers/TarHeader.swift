/// One 512-byte header of a tar archive, in the POSIX ustar layout that GNU tar and bsdtar write.
struct TarHeader {
  static let blockSize = 512

  /// What the entry is; only regular files are read.
  enum Kind {
    case file
    /// GNU's long name: the entry's data is the next header's name.
    case longName
    /// A pax extended header: `path=` in its records names the next entry.
    case paxHeader
    /// A directory, link, device or anything else without data to read.
    case other
  }

  let name: String
  let size: Int
  let kind: Kind

  /// Reads a header block; nil if it is not one (its checksum does not match).
  init?(_ block: UnsafeRawBufferPointer) {
    guard block.count >= Self.blockSize, Self.checksumMatches(block),
      let size = Self.number(block, 124..<136)
    else { return nil }
    self.size = size
    switch block[156] {
    case 0x30, 0x00, 0x37: kind = .file  // '0', NUL (old tars), '7' (contiguous file)
    case 0x4C: kind = .longName  // 'L'
    case 0x78: kind = .paxHeader  // 'x'
    default: kind = .other
    }
    let name = Self.text(block, 0..<100)
    let prefix = Self.isUstar(block) ? Self.text(block, 345..<500) : ""
    self.name = prefix.isEmpty ? name : prefix + "/" + name
  }

  /// `header` under another name: the one a long-name or pax header gave it.
  init(renaming header: TarHeader, to name: String) {
    self.name = name
    size = header.size
    kind = header.kind
  }

  /// Whether a stream starting with `bytes` is a tar archive: a ustar magic and a valid checksum.
  static func startsArchive(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.count >= blockSize && isUstar(bytes) && checksumMatches(bytes)
  }

  /// Whether a block is all zeros: two of them end an archive.
  static func isEndBlock(_ block: UnsafeRawBufferPointer) -> Bool {
    block.prefix(blockSize).allSatisfy { $0 == 0 }
  }

  /// `ustar\0` (POSIX) or `ustar ` (GNU) at offset 257.
  private static func isUstar(_ block: UnsafeRawBufferPointer) -> Bool {
    Array(block[257..<262]) == Array("ustar".utf8) && (block[262] == 0 || block[262] == 0x20)
  }

  /// The header's checksum: the sum of its bytes with the checksum field read as spaces. Some old tars
  /// summed signed bytes; both are accepted, as GNU tar does.
  private static func checksumMatches(_ block: UnsafeRawBufferPointer) -> Bool {
    guard let stored = number(block, 148..<156) else { return false }
    var unsigned = 0
    var signed = 0
    for index in 0..<blockSize {
      let byte = (148..<156).contains(index) ? 0x20 : block[index]
      unsigned += Int(byte)
      signed += Int(Int8(bitPattern: byte))
    }
    return stored == unsigned || stored == signed
  }

  /// An octal field (NUL- or space-terminated), or GNU's base-256 for sizes of 8 GiB and more.
  private static func number(_ block: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
    if block[range.lowerBound] & 0x80 != 0 {
      var value = Int(block[range.lowerBound] & 0x7F)
      for index in (range.lowerBound + 1)..<range.upperBound {
        guard value < (Int.max >> 8) else { return nil }
        value = value << 8 | Int(block[index])
      }
      return value
    }
    var value = 0
    var digits = 0
    for index in range {
      let byte = block[index]
      if byte == 0x20 && digits == 0 { continue }
      if byte == 0 || byte == 0x20 { break }
      guard byte >= 0x30 && byte <= 0x37, value < (Int.max >> 3) else { return nil }
      value = value << 3 | Int(byte - 0x30)
      digits += 1
    }
    return value
  }

  private static func text(_ block: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
    String(decoding: block[range].prefix { $0 != 0 }, as: UTF8.self)
  }
}
