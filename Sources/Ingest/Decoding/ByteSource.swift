#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where bytes come from: a file, standard input, a decoder, an entry of a tar archive.
protocol ByteSource: AnyObject {
  /// The name messages give the bytes' origin.
  var path: String { get }

  /// Reads the next bytes into `buffer` and returns their count; 0 at the end.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int
}

/// An open file, or standard input for `Source.standardInput`.
final class FileDescriptorSource: ByteSource {
  let path: String
  private let descriptor: Int32
  private let owned: Bool

  init(path: String) throws(IngestError) {
    self.path = path
    if path == Source.standardInput.path {
      descriptor = STDIN_FILENO
      owned = false
      return
    }
    let opened = open(path, O_RDONLY | O_CLOEXEC)
    guard opened >= 0 else {
      throw .unreadable(path: path, reason: Self.reason(errno))
    }
    descriptor = opened
    owned = true
  }

  deinit {
    if owned { close(descriptor) }
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let got = systemRead(descriptor, base, buffer.count)
      if got >= 0 { return got }
      if errno != EINTR {
        throw .unreadable(path: path, reason: Self.reason(errno))
      }
    }
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// `read(2)`, out of reach by its own name inside a type whose `read(into:)` shadows it.
private func systemRead(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, base, count)
}
