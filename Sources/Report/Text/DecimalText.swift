/// Numbers as the report prints them, built from integer arithmetic on exact powers of ten:
/// FoundationEssentials has no `String(format:)`, `description` switches to exponents, and libm's
/// `log10`/`pow` may differ in the last bit between platforms, which would make the same report differ byte
/// for byte.
package enum DecimalText {
  /// 10⁰…10²²: every one of them is exactly representable as a `Double`.
  static let powersOfTen: [Double] = {
    var powers: [Double] = [1]
    for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
    return powers
  }()

  /// `value` as a readable number: whole numbers without decimals, others to three significant digits
  /// (`9.3`, `0.0123`, `151`), large ones rounded to whole numbers, digits grouped from 10,000 on.
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    return fixed(value, decimals: significantDecimals(value, digits: 3), grouping: true)
  }

  /// A ratio (0…1) as a percentage with one decimal: `0.843` → `84.3%`, `0.3` → `30.0%`.
  package static func percent(_ ratio: Double) -> String {
    guard ratio.isFinite else { return nonFinite(ratio) }
    return fixed(ratio * 100, decimals: 1, trimming: false, grouping: true) + "%"
  }

  /// `value` with `decimals` digits after the point, trailing zeros removed unless `trimming` is false.
  package static func fixed(_ value: Double, decimals: Int, trimming: Bool = true, grouping: Bool = false) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let decimals = min(max(decimals, 0), 15)
    let scale = powersOfTen[decimals]
    let magnitude = (abs(value) * scale).rounded()
    // Beyond 2^63 the digits are not ours to print exactly; the shortest round-trip text is still
    // deterministic.
    guard magnitude < 9.2e18 else { return value.description }
    let scaled = UInt64(magnitude)
    let unit = UInt64(scale)
    var whole = String(scaled / unit)
    if grouping && whole.utf8.count > 4 { whole = grouped(whole) }
    var fraction = decimals == 0 ? "" : String(scaled % unit)
    if !fraction.isEmpty {
      fraction = String(repeating: "0", count: decimals - fraction.utf8.count) + fraction
      if trimming { while fraction.hasSuffix("0") { fraction.removeLast() } }
    }
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// How many decimals show `digits` significant digits of `value`; none for whole numbers and from
  /// 10^digits up.
  package static func significantDecimals(_ value: Double, digits: Int) -> Int {
    let magnitude = abs(value)
    if magnitude == magnitude.rounded() { return 0 }
    if magnitude >= 1 {
      // Each integer digit beyond the first takes one decimal away.
      var decimals = digits - 1
      while decimals > 0 && magnitude >= powersOfTen[digits - decimals] { decimals -= 1 }
      return decimals
    }
    // Each leading zero after the point adds one.
    var decimals = digits
    var bound = 0.1
    while magnitude < bound && decimals < 15 {
      bound /= 10
      decimals += 1
    }
    return decimals
  }

  /// `12345678` → `12,345,678`.
  private static func grouped(_ digits: String) -> String {
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "n/a" : value > 0 ? "∞" : "-∞"
  }
}
