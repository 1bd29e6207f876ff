/// How a source's bytes are compressed, decided by its magic bytes, never by its name.
public enum Compression: String, Sendable, CaseIterable, Codable {
  case gzip
  case zlib
  case lz4
  case zstd
  case plain
}

extension Compression {
  /// The number of leading bytes `init(magic:)` needs to tell every compression apart, skippable frames
  /// aside.
  static let magicLength = 4

  /// A skippable frame's magic and little-endian length, after which its content follows.
  private static let skippableHeaderLength = 8

  /// Detects the compression from a source's first bytes; anything unrecognised is plain.
  ///
  /// Skippable frames (`5x 2a 4d 18`) belong to both lz4 and zstd, so the frame after them decides. When
  /// `magic` ends before that frame's magic (a skippable frame longer than the bytes buffered) the stream is
  /// called lz4, as it was before zstd was read; so is anything but a zstd frame after them, which the lz4
  /// decoder then reports.
  init(magic: UnsafeRawBufferPointer) {
    func byte(_ index: Int) -> UInt8? { index < magic.count ? magic[index] : nil }
    if byte(0) == 0x1F, byte(1) == 0x8B {
      self = .gzip
    } else if byte(0) == 0x78, let flags = byte(1), [0x01, 0x5E, 0x9C, 0xDA].contains(flags) {
      // Only the flag bytes zlib writes (levels 1, 2–5, 6, 9): text that starts with `x` stays plain.
      self = .zlib
    } else if Self.isSkippableFrame(magic, at: 0) {
      let end = Self.detectionLength(magic)
      self = end <= magic.count && Self.isZstdFrame(magic, at: end - Self.magicLength) ? .zstd : .lz4
    } else if Self.isZstdFrame(magic, at: 0) {
      self = .zstd
    } else if byte(1) == 0x22, byte(2) == 0x4D, byte(3) == 0x18, byte(0) == 0x04 {
      self = .lz4
    } else {
      self = .plain
    }
  }

  /// How many leading bytes `init(magic:)` needs to see past the skippable frames `magic` begins with; once
  /// `magic` holds that many, more bytes cannot change its answer.
  static func detectionLength(_ magic: UnsafeRawBufferPointer) -> Int {
    var offset = 0
    while isSkippableFrame(magic, at: offset) {
      guard offset + skippableHeaderLength <= magic.count else { return offset + skippableHeaderLength }
      let length = (0..<4).reduce(0) { sum, index in sum | Int(magic[offset + 4 + index]) << (8 * index) }
      offset += skippableHeaderLength + length
    }
    return offset + magicLength
  }

  private static func isSkippableFrame(_ magic: UnsafeRawBufferPointer, at offset: Int) -> Bool {
    offset + magicLength <= magic.count && magic[offset] & 0xF0 == 0x50 && magic[offset + 1] == 0x2A
      && magic[offset + 2] == 0x4D && magic[offset + 3] == 0x18
  }

  private static func isZstdFrame(_ magic: UnsafeRawBufferPointer, at offset: Int) -> Bool {
    offset + magicLength <= magic.count && magic[offset] == 0x28 && magic[offset + 1] == 0xB5
      && magic[offset + 2] == 0x2F && magic[offset + 3] == 0xFD
  }
}
