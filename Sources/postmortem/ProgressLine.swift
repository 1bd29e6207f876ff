import Foundation
import Ingest

#if canImport(Glibc)
  import Glibc
#endif

/// One line on stderr, rewritten in place while sources are read: files, bytes, speed and time left. Only
/// for a person at a terminal; a log or a pipe gets nothing.
final class ProgressLine: Sendable {
  private let enabled = isatty(STDERR_FILENO) == 1

  func show(_ progress: IngestProgress) {
    guard enabled else { return }
    var text = "reading \(progress.sourcesDone)/\(progress.sourcesTotal) files"
    if progress.bytesTotal > 0 {
      text += " · \(Self.size(progress.bytesRead)) of \(Self.size(progress.bytesTotal))"
    }
    text += " · \(Int(progress.megabytesPerSecond.rounded())) MB/s decoded"
    if let left = progress.secondsRemaining { text += " · \(Int(left.rounded(.up))) s left" }
    write("\r\u{1B}[2K" + text)
  }

  /// Removes the line, so what follows starts on a clean one.
  func clear() {
    guard enabled else { return }
    write("\r\u{1B}[2K")
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  private static func size(_ bytes: Int) -> String {
    bytes >= 1_000_000_000
      ? String(format: "%.1f GB", Double(bytes) / 1e9) : "\(bytes / 1_000_000) MB"
  }
}
