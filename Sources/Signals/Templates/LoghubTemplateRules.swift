/// The template corrections of the Loghub-2.0 evaluation (`correct_single_template` in its
/// `evaluation/utils/common.py`), which it applies to the oracle templates and to a tool's output alike before
/// comparing them: DS (whitespace), PS (absolute paths), BL/US (`true`, `false`, `null`, `root`, `admin`),
/// DG (digits), WV (a word holding `<*>`), DV (`<*>.<*>`) and CV (`<*><*>`), in that order.
package enum LoghubTemplateRules {
  private static let pathDelimiters: Set<Character> = [
    " ", ",", "!", ";", ":", "=", "|", "\"", "'", "[", "]", "(", ")", "{", "}",
  ]
  private static let tokenDelimiters = pathDelimiters.union([".", "-", "+", "@", "#", "$", "%", "&"])
  private static let defaultStrings: Set<String> = ["true", "false", "null", "root", "admin"]

  package static func correct(_ template: String) -> String {
    // DS: trimmed, runs of whitespace as one space.
    let words = template.split(whereSeparator: { $0.isWhitespace })
    var text = words.joined(separator: " ")
    // PS
    text = split(text, at: pathDelimiters).map { isPath($0) ? "<*>" : $0 }.joined()
    // BL, US, DG, WV
    text = split(text, at: tokenDelimiters).map { token in
      if defaultStrings.contains(token.lowercased()) { return "<*>" }
      if !token.isEmpty && token.allSatisfy({ $0.isASCII && $0.isNumber }) { return "<*>" }
      if token.contains("<*>") && !token.contains("/") && !token.contains(" ") { return "<*>" }
      return token
    }.joined()
    // DV, then CV
    text = replacingToFixpoint(text, "<*>.<*>")
    return replacingToFixpoint(text, "<*><*>")
  }

  /// Pieces and the single delimiters between them, in order, as Python's `re.split` with a group gives.
  private static func split(_ text: String, at delimiters: Set<Character>) -> [String] {
    var pieces: [String] = []
    var current = ""
    for character in text {
      if delimiters.contains(character) {
        pieces.append(current)
        pieces.append(String(character))
        current = ""
      } else {
        current.append(character)
      }
    }
    pieces.append(current)
    return pieces
  }

  /// `^(/[^/]+)+$`
  private static func isPath(_ piece: String) -> Bool {
    guard piece.first == "/", piece.count > 1, piece.last != "/" else { return false }
    return !piece.contains("//")
  }

  private static func replacingToFixpoint(_ text: String, _ pattern: String) -> String {
    var text = text
    while true {
      let next = text.replacing(pattern, with: "<*>")
      if next == text { return text }
      text = next
    }
  }
}
