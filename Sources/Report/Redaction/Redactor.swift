/// Rewrites text so that none of the secrets and personal data of `RedactionRule.table` survive, counting
/// what it removed per rule.
///
/// Applied when a report is written, to every string that quotes input; the analysis itself never sees the
/// masked text. A value already masked (`‹redacted›`) is not masked or counted again.
package struct Redactor {
  /// Which rules run: the default ones, optionally the address rule, or none.
  package struct Options: Sendable, Equatable {
    package var enabled: Bool
    package var ipAddresses: Bool

    package init(enabled: Bool = true, ipAddresses: Bool = false) {
      self.enabled = enabled
      self.ipAddresses = ipAddresses
    }

    /// `--no-redact`: quote everything as read.
    package static let off = Options(enabled: false)
  }

  private let rules: [(rule: RedactionRule, regex: Regex<AnyRegexOutput>)]
  package let options: Options

  package init(_ options: Options = Options(), rules: [RedactionRule] = RedactionRule.table) {
    self.options = options
    guard options.enabled else {
      self.rules = []
      return
    }
    self.rules = rules.filter { !$0.optional || options.ipAddresses }.map { rule in
      // The table's patterns are literals checked by its tests; a bad one is a programming error.
      (rule, try! Regex(rule.pattern))
    }
  }

  /// `text` with every match replaced; `tally` gains one per replacement, under the rule's name.
  package func redact(_ text: String, tally: inout [String: Int]) -> String {
    var result = text
    let lowered = text.lowercased()
    for (rule, regex) in rules where rule.triggers.contains(where: { lowered.contains($0) }) {
      // The expression's scan first, the rebuild only on a match.
      guard result.contains(regex) else { continue }
      var count = 0
      result = result.replacing(regex) { match in
        count += 1
        return Self.expand(rule.replacement, match)
      }
      tally[rule.name, default: 0] += count
    }
    return result
  }

  /// `$1`…`$9` in `template` replaced by the match's groups (an unmatched group by nothing).
  private static func expand(_ template: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
    var output = ""
    var characters = template.makeIterator()
    while let character = characters.next() {
      guard character == "$" else {
        output.append(character)
        continue
      }
      guard let digit = characters.next() else {
        output.append(character)
        break
      }
      if let index = digit.wholeNumberValue, index < match.output.count {
        output += match.output[index].substring.map(String.init) ?? ""
      } else {
        output.append(character)
        output.append(digit)
      }
    }
    return output
  }
}
