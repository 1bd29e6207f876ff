/// How a source's bytes are compressed, decided by its magic bytes, never by its name.
public enum Compression: String, Sendable, CaseIterable, Codable {
  case gzip
  case lz4
  case plain
}

extension Compression {
  /// The number of leading bytes `init(magic:)` needs to tell every compression apart.
  static let magicLength = 4

  /// Detects the compression from a source's first bytes; anything unrecognised is plain.
  init(magic: UnsafeRawBufferPointer) {
    func byte(_ index: Int) -> UInt8? { index < magic.count ? magic[index] : nil }
    if byte(0) == 0x1F, byte(1) == 0x8B {
      self = .gzip
    } else if byte(1) == 0x22, byte(2) == 0x4D, byte(3) == 0x18, byte(0) == 0x04 {
      self = .lz4
    } else if byte(1) == 0x2A, byte(2) == 0x4D, byte(3) == 0x18, let first = byte(0), first & 0xF0 == 0x50 {
      // An LZ4 skippable frame (`5x 2a 4d 18`) may lead a stream of ordinary frames.
      self = .lz4
    } else {
      self = .plain
    }
  }
}
