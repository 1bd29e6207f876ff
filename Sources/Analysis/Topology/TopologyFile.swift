/// Edges a user adds with `--topology FILE`: one `caller -> callee` per line, `#` comments, blank lines
/// ignored. Evidence cannot always show every call (a service that logs nothing about its dependencies).
public enum TopologyFile {
  public enum ParseError: Error, CustomStringConvertible, Equatable {
    case malformedLine(path: String, line: Int, text: String)

    public var description: String {
      switch self {
      case .malformedLine(let path, let line, let text):
        "\(path):\(line): expected 'caller -> callee', found '\(text)'"
      }
    }
  }

  /// The edges of `text`, read from `path` (named in errors).
  public static func edges(_ text: String, path: String) throws(ParseError) -> [(
    caller: String, callee: String
  )] {
    var edges: [(String, String)] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.prefix { $0 != "#" }.trimmingWhitespace()
      guard !line.isEmpty else { continue }
      let parts = line.split(separator: "->", omittingEmptySubsequences: false)
      guard parts.count == 2 else { throw .malformedLine(path: path, line: number + 1, text: String(raw)) }
      let caller = parts[0].trimmingWhitespace()
      let callee = parts[1].trimmingWhitespace()
      guard !caller.isEmpty, !callee.isEmpty else {
        throw .malformedLine(path: path, line: number + 1, text: String(raw))
      }
      edges.append((caller, callee))
    }
    return edges
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String {
    String(
      drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        .reversed())
  }
}
