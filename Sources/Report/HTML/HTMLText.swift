/// Text for HTML: escaped, with the analysis' Markdown code spans (`` `name` ``) kept as `<code>`.
enum HTMLText {
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// Escaped text whose backtick-delimited spans become `<code>`; an unpaired backtick stays a backtick.
  static func inline(_ text: String) -> String {
    let pieces = text.split(separator: "`", omittingEmptySubsequences: false)
    guard pieces.count >= 3 else { return escaped(text) }
    var result = ""
    for (index, piece) in pieces.enumerated() {
      // An odd piece is code when a backtick closes it, i.e. when it is not the last piece.
      let isCode = index % 2 == 1 && index < pieces.count - 1
      if index % 2 == 1 && !isCode { result += "`" }
      result += isCode ? "<code>" + escaped(String(piece)) + "</code>" : escaped(String(piece))
    }
    return result
  }

  static func element(_ name: String, _ content: String, class className: String? = nil) -> String {
    "<\(name)" + (className.map { " class=\"\($0)\"" } ?? "") + ">" + content + "</\(name)>"
  }
}
