import CLZ4
import CZlib
import CZstd

/// Test inputs compressed in-process, so no compressed file is committed.
enum Compressors {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// One gzip member holding `bytes`.
  static func gzip(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
    // 15 + 16: the largest window, wrapped in a gzip header and trailer.
    try deflated(bytes, level: level, windowBits: 15 + 16)
  }

  /// One zlib stream holding `bytes`, as zlib's `compress` writes it; its second byte depends on `level`.
  static func zlib(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
    try deflated(bytes, level: level, windowBits: 15)
  }

  private static func deflated(_ bytes: [UInt8], level: Int32, windowBits: Int32) throws -> [UInt8] {
    var stream = z_stream()
    guard czlib_deflate_init2(&stream, level, windowBits) == Z_OK else {
      throw Failure(description: "deflateInit2 failed")
    }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    var input = bytes
    let status = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = UInt32(target.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else { throw Failure(description: "deflate returned \(status)") }
    return Array(output[..<Int(stream.total_out)])
  }

  /// One LZ4 frame holding `bytes`, in 64 KiB blocks so a few kilobytes already span several blocks.
  static func lz4Frame(_ bytes: [UInt8], contentChecksum: Bool = true) throws -> [UInt8] {
    var preferences = LZ4F_preferences_t()
    preferences.frameInfo.blockSizeID = LZ4F_max64KB
    preferences.frameInfo.contentChecksumFlag =
      contentChecksum ? LZ4F_contentChecksumEnabled : LZ4F_noContentChecksum
    var output = [UInt8](repeating: 0, count: LZ4F_compressFrameBound(bytes.count, &preferences))
    let written = output.withUnsafeMutableBytes { target in
      bytes.withUnsafeBytes { source in
        LZ4F_compressFrame(target.baseAddress, target.count, source.baseAddress, source.count, &preferences)
      }
    }
    guard LZ4F_isError(written) == 0 else {
      throw Failure(description: String(cString: LZ4F_getErrorName(written)))
    }
    return Array(output[..<written])
  }

  /// One zstd frame holding `bytes`, its size recorded in the header as `zstd` records a file's.
  static func zstd(_ bytes: [UInt8], level: Int32 = 3, contentChecksum: Bool = true) throws -> [UInt8] {
    guard let context = ZSTD_createCCtx() else { throw Failure(description: "ZSTD_createCCtx failed") }
    defer { ZSTD_freeCCtx(context) }
    for (parameter, value) in [
      (ZSTD_c_compressionLevel, level), (ZSTD_c_checksumFlag, contentChecksum ? 1 : 0),
    ] {
      let status = ZSTD_CCtx_setParameter(context, parameter, value)
      guard ZSTD_isError(status) == 0 else {
        throw Failure(description: String(cString: ZSTD_getErrorName(status)))
      }
    }
    var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
    let written = output.withUnsafeMutableBytes { target in
      bytes.withUnsafeBytes { source in
        ZSTD_compress2(context, target.baseAddress, target.count, source.baseAddress, source.count)
      }
    }
    guard ZSTD_isError(written) == 0 else {
      throw Failure(description: String(cString: ZSTD_getErrorName(written)))
    }
    return Array(output[..<written])
  }
}
