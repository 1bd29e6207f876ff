#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file a night read: its size and a hash of its bytes, so a re-run can tell the same archives from
/// rewritten ones.
struct InputFile: Sendable, Equatable {
  var path: String
  var bytes: Int
  /// 16 hex digits: a fast 64-bit content hash (not cryptographic; it identifies, it does not protect).
  var hash: String

  /// Each distinct regular file among `paths`, hashed; paths that are not plain files (a tar member, stdin)
  /// are skipped, their archive is listed on its own.
  static func hashing(_ paths: [String]) -> [InputFile] {
    var seen: Set<String> = []
    var files: [InputFile] = []
    for path in paths where seen.insert(path).inserted {
      if let file = hashed(path) { files.append(file) }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// Word-at-a-time multiply–xorshift over the file (a 1 MiB buffer), finished with the length: about as
  /// fast as the disk cache delivers, a small share of what decompressing the same file costs.
  static func hashed(_ path: String) -> InputFile? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    let capacity = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var total = 0
    while true {
      let count = read(descriptor, buffer.baseAddress, capacity)
      if count < 0 { return nil }
      if count == 0 { break }
      total += count
      let words = count / 8
      for index in 0..<words {
        state = mix(state ^ buffer.load(fromByteOffset: index * 8, as: UInt64.self))
      }
      var tail: UInt64 = 0
      for index in (words * 8)..<count { tail = tail << 8 | UInt64(buffer[index]) }
      if count % 8 != 0 { state = mix(state ^ tail) }
    }
    state = mix(state ^ UInt64(total))
    let hex = String(state, radix: 16)
    return InputFile(path: path, bytes: total, hash: String(repeating: "0", count: 16 - hex.count) + hex)
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &* 0xBF58_476D_1CE4_E5B9
    z ^= z >> 31
    return z &* 0x94D0_49BB_1331_11EB
  }
}
