/// What can go wrong when turning a source's lines into records.
public enum FormatError: Error, Sendable, Equatable {
  /// None of the known formats matches the source's first lines.
  case unrecognized(path: String)
  /// A whole-document format (JSON) that cannot be parsed; `offset` is the byte where parsing failed, if known.
  case malformedDocument(path: String, offset: Int?, detail: String)
  /// A processlist snapshot with no `TS` line before it and no pt-stalk time in the file name; `line` is where
  /// the first such snapshot starts. Its rows are skipped, and the source's other snapshots still count.
  case untimedSnapshot(path: String, line: Int)

  /// What went wrong, without the path: the reason a skipped line is given.
  var reason: String {
    switch self {
    case .unrecognized:
      return "format not recognised (see `postmortem formats`); file skipped"
    case .malformedDocument(_, let offset, let detail):
      let at = offset.map { " at byte \($0)" } ?? ""
      return "malformed document\(at): \(detail)"
    case .untimedSnapshot(_, let line):
      return "no time for the processlist snapshot at line \(line): add TS lines or keep pt-stalk's file name"
    }
  }

  /// The source the error is about.
  var path: String {
    switch self {
    case .unrecognized(let path), .malformedDocument(let path, _, _), .untimedSnapshot(let path, _): path
    }
  }
}

extension FormatError: CustomStringConvertible {
  public var description: String { "\(path): \(reason)" }
}
