/// The y axis: a range from zero (or the lowest value) to the highest value or limit, cut at "nice" steps of
/// 1, 2 or 5 × 10ⁿ so that tick labels are short round numbers.
struct ValueAxis {
  let low: Double
  let high: Double
  let step: Double
  /// Decimals a tick label needs at this step.
  let decimals: Int

  static let targetTicks = 4.0

  init(values: [Double], limit: Double?) {
    var low = 0.0
    var high = 0.0
    for value in values where value.isFinite {
      low = min(low, value)
      high = max(high, value)
    }
    if let limit, limit.isFinite {
      low = min(low, limit)
      high = max(high, limit)
    }
    if high == low { high = low + 1 }
    let (step, exponent) = Self.niceStep((high - low) / Self.targetTicks)
    self.step = step
    decimals = max(0, -exponent)
    self.low = (low / step).rounded(.down) * step
    self.high = (high / step).rounded(.up) * step
  }

  /// The tick values, as whole multiples of the step so that no rounding error accumulates.
  var ticks: [Double] {
    let first = (low / step).rounded()
    let last = (high / step).rounded()
    // Values so far apart that the steps cannot be counted only get their ends labelled.
    guard first.isFinite, last.isFinite, abs(first) < 1e15, abs(last) < 1e15, last - first <= 100 else {
      return [low, high]
    }
    return (Int64(first)...max(Int64(first), Int64(last))).map { Double($0) * step }
  }

  /// 1, 2 or 5 × 10ⁿ at or above `rough`, with n, found by comparison with exact powers of ten rather than
  /// `log10`, whose last bit differs between platforms.
  static func niceStep(_ rough: Double) -> (step: Double, exponent: Int) {
    guard rough.isFinite, rough >= 1e-20, rough <= 1e20 else {
      return (rough.isFinite && rough > 0 ? rough : 1, 0)
    }
    var exponent = 0
    var power = 1.0
    while rough >= power * 10 && exponent < 22 {
      exponent += 1
      power = DecimalText.powersOfTen[exponent]
    }
    while rough < power && exponent > -22 {
      exponent -= 1
      power = exponent >= 0 ? DecimalText.powersOfTen[exponent] : 1 / DecimalText.powersOfTen[-exponent]
    }
    for multiple in [1.0, 2.0, 5.0] where rough <= multiple * power { return (multiple * power, exponent) }
    let next = exponent + 1
    return (next >= 0 ? DecimalText.powersOfTen[next] : 1 / DecimalText.powersOfTen[-next], next)
  }
}
