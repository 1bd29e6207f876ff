import Foundation

/// Messages for the person at the terminal: errors and progress on stderr, so stdout stays for data.
enum Terminal {
  static func error(_ message: String) {
    write("postmortem: \(message)\n")
  }

  static func info(_ message: String) {
    write("\(message)\n")
  }

  private static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
