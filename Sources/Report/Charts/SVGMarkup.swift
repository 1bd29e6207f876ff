/// SVG elements as text: attributes in the order given (never a dictionary's), values and text XML-escaped.
enum SVGMarkup {
  /// `<name a="1"/>`, or `<name a="1">text</name>` when there is text.
  static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil)
    -> String
  {
    var markup = "<" + name
    for (key, value) in attributes { markup += " " + key + "=\"" + escaped(value) + "\"" }
    guard let text else { return markup + "/>" }
    return markup + ">" + escaped(text) + "</" + name + ">"
  }

  /// A coordinate or length with at most one decimal: enough for a 720-pixel chart, and stable text.
  static func number(_ value: Double) -> String {
    DecimalText.fixed(value, decimals: 1)
  }

  /// XML text and attribute escaping; control characters, which XML 1.0 forbids even escaped, become spaces.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default:
        if character.unicodeScalars.contains(where: { $0.value < 0x20 }) {
          result += " "
        } else {
          result.append(character)
        }
      }
    }
    return result
  }
}
