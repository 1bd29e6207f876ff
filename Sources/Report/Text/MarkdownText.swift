/// Escaping for the Markdown the report writes: text from the evidence (log lines, paths, template text) must
/// show as written and must never break a list, a table or a code span.
enum MarkdownText {
  /// Text from the analysis as one line of Markdown. Code spans it contains are kept (the analysis writes
  /// `KILL` and `mysql.rds_kill` that way); outside them, characters that would start emphasis, links, HTML,
  /// strikethrough or a table cell are escaped; when the text `startsBlock` (a paragraph, a list item's first
  /// words), so are the markers that would turn it into a heading, quote or nested list.
  static func inline(_ text: String, inTable: Bool = false, startsBlock: Bool = false) -> String {
    let characters = Array(oneLine(text))
    var result = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "`" {
        let run = runLength(of: "`", in: characters, from: index)
        if let close = closingRun(of: run, in: characters, after: index + run) {
          let span = String(characters[index..<(close + run)])
          result += inTable ? span.replacingAll("|", with: "\\|") : span
          index = close + run
          continue
        }
        result += String(repeating: "\\`", count: run)
        index += run
        continue
      }
      result += escaped(character, at: index, in: characters, startsBlock: startsBlock)
      index += 1
    }
    return result
  }

  /// `text` as a code span, verbatim: the fence is one backtick longer than the longest run inside, padded
  /// when the text starts or ends with a backtick (CommonMark 6.1). In a table cell, `|` still splits the row
  /// inside a code span unless escaped (GFM 4.10).
  static func code(_ text: String, inTable: Bool = false) -> String {
    var text = oneLine(text)
    if inTable { text = text.replacingAll("|", with: "\\|") }
    guard !text.isEmpty else { return "—" }
    let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
    let padded =
      text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" "))
      ? " " + text + " " : text
    return fence + padded + fence
  }

  /// A fence for a code block holding `lines`: longer than any backtick run at the start of a line in it.
  static func blockFence(for lines: [String]) -> String {
    let longest = lines.map { line in line.prefix { $0 == "`" }.count }.max() ?? 0
    return String(repeating: "`", count: max(3, longest + 1))
  }

  /// At most `limit` characters, the cut marked with `…`.
  static func truncated(_ text: String, to limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// Line breaks (any of CR, LF, CRLF) and tabs become single spaces: every place the report puts text is one
  /// line (a bullet, a table cell, a label).
  static func oneLine(_ text: String) -> String {
    guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
    return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }

  private static func escaped(
    _ character: Character, at index: Int, in characters: [Character], startsBlock: Bool
  ) -> String {
    switch character {
    case "\\", "*", "[", "]", "<", "|", "~":
      return "\\" + String(character)
    case "_":
      // An underscore inside a word (`max_connections`) never starts emphasis.
      let inWord =
        index > 0 && index + 1 < characters.count && isWordCharacter(characters[index - 1])
        && isWordCharacter(characters[index + 1])
      return inWord ? "_" : "\\_"
    case "&":
      // Only `&name;` and `&#…;` are entity references.
      let next = index + 1 < characters.count ? characters[index + 1] : " "
      return next.isLetter || next == "#" ? "\\&" : "&"
    case "#", ">", "-", "+", "=":
      return startsBlock && index == 0 ? "\\" + String(character) : String(character)
    case ".", ")":
      // `1. ` or `1) ` at the start would open an ordered list.
      let numbered = startsBlock && index > 0 && characters[..<index].allSatisfy(\.isASCIIDigit)
      return numbered ? "\\" + String(character) : String(character)
    default:
      return String(character)
    }
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  private static func runLength(of mark: Character, in characters: [Character], from start: Int) -> Int {
    var end = start
    while end < characters.count && characters[end] == mark { end += 1 }
    return end - start
  }

  /// Where a backtick run of exactly `length` starts after `start`, closing a code span.
  private static func closingRun(of length: Int, in characters: [Character], after start: Int) -> Int? {
    var index = start
    while index < characters.count {
      let run = runLength(of: "`", in: characters, from: index)
      if run == length { return index }
      index += max(run, 1)
    }
    return nil
  }

  private static func longestRun(of mark: Character, in text: String) -> Int {
    var longest = 0
    var current = 0
    for character in text {
      current = character == mark ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  /// Every occurrence of `target` replaced; FoundationEssentials lacks `replacingOccurrences`.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    guard contains(target) else { return self }
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
