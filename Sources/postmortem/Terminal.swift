#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Messages for the person at the terminal: errors and progress on stderr, so stdout stays for data.
enum Terminal {
  static func error(_ message: String) {
    fputs("postmortem: \(message)\n", stderr)
  }

  static func info(_ message: String) {
    fputs("\(message)\n", stderr)
  }
}
