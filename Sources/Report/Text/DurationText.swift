/// Durations as people say them: `45 s`, `9.3 s`, `2 min 30 s`, `1 h 5 min`, `2 d 3 h`.
package enum DurationText {
  private static let units: [(seconds: Int64, name: String)] = [
    (86_400, "d"), (3_600, "h"), (60, "min"), (1, "s"),
  ]

  /// Under a minute the seconds keep up to three significant digits; from a minute on, the two largest units
  /// in whole seconds, the smaller one left out when it is zero.
  package static func format(seconds: Double) -> String {
    guard seconds.isFinite else { return DecimalText.number(seconds) + " s" }
    if seconds < 0 { return "-" + format(seconds: -seconds) }
    if seconds < 59.5 { return DecimalText.number(seconds) + " s" }
    guard seconds < 9e15 else { return DecimalText.number(seconds) + " s" }
    var rest = Int64(seconds.rounded())
    var parts: [String] = []
    for unit in units where parts.count < 2 {
      let count = rest / unit.seconds
      rest %= unit.seconds
      if !parts.isEmpty || count > 0 { parts.append("\(count) \(unit.name)") }
    }
    if parts.count == 2 && parts[1].hasPrefix("0 ") { parts.removeLast() }
    return parts.joined(separator: " ")
  }
}
