/// What can go wrong when turning a source's lines into records.
public enum FormatError: Error, Sendable, Equatable {
  /// None of the known formats matches the source's first lines.
  case unrecognized(path: String)
  /// A whole-document format (JSON) that cannot be parsed; `offset` is the byte where parsing failed, if known.
  case malformedDocument(path: String, offset: Int?, detail: String)
  /// Records whose time the source does not tell (a processlist snapshot or a status table with no `TS` line
  /// before it and no capture time in the file name); `line` is where the first of them starts. Placing them
  /// anyway would be a guess, so they are skipped; `detail` says what the source lacks.
  case untimed(path: String, line: Int, detail: String)
  /// A file whose name says what it is, and that Postmortem does not read (a pt-stalk OS capture it has no
  /// use for): skipped whole, named, never sniffed into a log of its own.
  case notRead(path: String, detail: String)

  /// A processlist snapshot with nothing to date it: its rows are skipped, the source's other snapshots count.
  static func untimedSnapshot(path: String, line: Int) -> FormatError {
    .untimed(
      path: path, line: line,
      detail:
        "no time for the processlist snapshot at line \(line): add TS lines or keep pt-stalk's file name")
  }

  /// A status table with nothing to date it: its samples are skipped, the source's later dumps still count.
  static func untimedDump(path: String, line: Int, reason: String) -> FormatError {
    .untimed(path: path, line: line, detail: "no time for the status dump at line \(line): it has \(reason)")
  }

  /// What went wrong, without the path: the reason a skipped line is given.
  var reason: String {
    switch self {
    case .unrecognized:
      return "format not recognised (see `postmortem formats`); file skipped"
    case .malformedDocument(_, let offset, let detail):
      let at = offset.map { " at byte \($0)" } ?? ""
      return "malformed document\(at): \(detail)"
    case .untimed(_, _, let detail), .notRead(_, let detail):
      return detail
    }
  }

  /// The source the error is about.
  var path: String {
    switch self {
    case .unrecognized(let path), .malformedDocument(let path, _, _), .untimed(let path, _, _),
      .notRead(let path, _):
      path
    }
  }
}

extension FormatError: CustomStringConvertible {
  public var description: String { "\(path): \(reason)" }
}
