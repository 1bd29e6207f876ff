/// Chart file names, `01-mysql-connections-user-shipping.svg`: numbered in the order the analysis chose (so a
/// directory listing matches the report) and slugged from the title so links stay readable.
enum ChartFileName {
  static let maximumSlugLength = 60

  /// One name per title, in order; the number prefix keeps equal titles apart.
  static func names(for titles: [String]) -> [String] {
    let width = max(2, String(titles.count).count)
    return titles.enumerated().map { index, title in
      let number = String(index + 1)
      return String(repeating: "0", count: width - number.count) + number + "-" + slug(title) + ".svg"
    }
  }

  /// Lower-case ASCII letters and digits; every other run of characters becomes one `-`.
  static func slug(_ title: String) -> String {
    var slug = ""
    for byte in title.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        slug.append(Character(Unicode.Scalar(byte)))
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        slug.append(Character(Unicode.Scalar(byte + 32)))
      default:
        if !slug.isEmpty && !slug.hasSuffix("-") { slug.append("-") }
      }
    }
    if slug.count > maximumSlugLength { slug = String(slug.prefix(maximumSlugLength)) }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "chart" : slug
  }
}
