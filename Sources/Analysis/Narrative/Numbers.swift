/// Numbers as the report and `rca.json` show them: rounded to what the data supports, never NaN.
enum Numbers {
  /// Three significant digits (whole numbers from 100 up); NaN and infinities become 0 so JSON stays valid.
  static func rounded(_ value: Double) -> Double {
    // Sums of ratios leave residues like -1.4e-17 where the data says zero.
    guard value.isFinite, abs(value) >= 1e-9 else { return 0 }
    if abs(value) >= 100 { return value.rounded() }
    var scale = 1.0
    while abs(value) * scale < 100 { scale *= 10 }
    return (value * scale).rounded() / scale
  }

  /// `rounded` as text, without a trailing `.0`.
  static func text(_ value: Double) -> String {
    let value = rounded(value)
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  /// A ratio as a percentage with one decimal: `0.843` → `84.3%`.
  static func percent(_ ratio: Double) -> String {
    guard ratio.isFinite else { return "0%" }
    let tenths = (ratio * 1000).rounded() / 10
    return (tenths == tenths.rounded() ? String(Int64(tenths)) : String(tenths)) + "%"
  }
}
