/// Everything that can go wrong while reading a source, with the context a user needs to act on it.
public enum IngestError: Error, Sendable, Equatable {
  /// The path named on the command line does not exist.
  case missingPath(String)
  /// The file exists but cannot be opened or read.
  case unreadable(path: String, reason: String)
  /// The compressed stream ends before its end marker; everything before `offset` was read.
  case truncated(path: String, compression: Compression, offset: Int)
  /// The compressed stream is damaged at `offset` (compressed bytes consumed so far).
  case corrupt(path: String, compression: Compression, offset: Int, detail: String)
  /// A tar archive that cannot be read on at `offset` (of its decoded bytes); the entries before were read.
  case damagedArchive(path: String, offset: Int, detail: String)
  /// A line longer than the framing limit; it is skipped, the rest of the file is read.
  case lineTooLong(path: String, line: Int, length: Int)
}

extension IngestError {
  /// The line a warning names; 0 for faults of the whole source.
  var lineNumber: Int {
    if case .lineTooLong(_, let line, _) = self { return line }
    return 0
  }
}

extension IngestError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .missingPath(let path):
      return "\(path): no such file or directory"
    case .unreadable(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .truncated(let path, let compression, let offset):
      return "\(path): \(compression.rawValue) stream truncated at byte \(offset); lines before it were read"
    case .corrupt(let path, let compression, let offset, let detail):
      return
        "\(path): corrupt \(compression.rawValue) data at byte \(offset) (\(detail)); lines before it were read"
    case .damagedArchive(let path, let offset, let detail):
      return
        "\(path): damaged tar archive at byte \(offset) of its contents (\(detail)); entries before it were read"
    case .lineTooLong(let path, let line, let length):
      return "\(path):\(line): line of \(length) bytes exceeds the limit and was skipped"
    }
  }
}
