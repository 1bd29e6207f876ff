/// What can go wrong when turning a source's lines into records.
public enum FormatError: Error, Sendable, Equatable {
  /// None of the known formats matches the source's first lines.
  case unrecognized(path: String)
  /// A whole-document format (JSON) that cannot be parsed; `offset` is the byte where parsing failed, if known.
  case malformedDocument(path: String, offset: Int?, detail: String)
  /// Records whose time the source does not tell (a status table with no `TS` line before it and no capture
  /// time in the file name); `line` is where the first of them starts. Placing them anyway would be a guess.
  case untimed(path: String, line: Int, detail: String)
}

extension FormatError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .unrecognized(let path):
      return "\(path): format not recognised (see `postmortem formats`); file skipped"
    case .malformedDocument(let path, let offset, let detail):
      let at = offset.map { " at byte \($0)" } ?? ""
      return "\(path): malformed document\(at): \(detail)"
    case .untimed(let path, let line, let detail):
      return "\(path):\(line): \(detail); file skipped"
    }
  }
}
