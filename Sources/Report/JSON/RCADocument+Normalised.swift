import Analysis

/// Float noise (`0.1 + 0.2` = `0.30000000000000004`) and last-bit differences between platforms' maths
/// libraries must not reach `rca.json`: every number is rounded to nine significant digits, far below what
/// the analysis reports, and `-0` becomes `0`.
extension RCADocument {
  func normalisedForJSON() -> RCADocument {
    var document = self
    document.rootCause.confidence = JSONNumber.normalised(rootCause.confidence)
    document.chain = chain.map { link in
      var link = link
      link.before = JSONNumber.normalised(link.before)
      link.after = JSONNumber.normalised(link.after)
      return link
    }
    document.alternatives = alternatives.map { alternative in
      var alternative = alternative
      alternative.confidence = JSONNumber.normalised(alternative.confidence)
      return alternative
    }
    document.hypotheses = hypotheses.map { record in
      var record = record
      record.score = JSONNumber.normalised(record.score)
      record.confidence = JSONNumber.normalised(record.confidence)
      return record
    }
    document.timeline = timeline.map { entry in
      var entry = entry
      entry.before = JSONNumber.normalised(entry.before)
      entry.after = JSONNumber.normalised(entry.after)
      return entry
    }
    document.impact.peakErrorRate = impact.peakErrorRate.mapValues(JSONNumber.normalised)
    document.impact.peakLatencyP90Seconds = impact.peakLatencyP90Seconds.mapValues(JSONNumber.normalised)
    return document
  }
}

enum JSONNumber {
  static let significantDigits = 9

  /// Rounds with exact powers of ten only (see `DecimalText`), so the result is the same on every platform;
  /// magnitudes outside 1e-12…1e15 are left alone.
  static func normalised(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value.isFinite ? 0 : value }
    let magnitude = abs(value)
    guard magnitude >= 1e-12, magnitude < 1e15 else { return value }
    var integerDigits = 1
    while integerDigits < 16 && magnitude >= DecimalText.powersOfTen[integerDigits] { integerDigits += 1 }
    var leadingZeros = 0
    while magnitude * DecimalText.powersOfTen[leadingZeros + 1] < 1 { leadingZeros += 1 }
    let decimals = magnitude >= 1 ? significantDigits - integerDigits : significantDigits + leadingZeros
    if decimals >= 0 {
      let scale = DecimalText.powersOfTen[decimals]
      return (value * scale).rounded() / scale
    }
    let scale = DecimalText.powersOfTen[-decimals]
    return (value / scale).rounded() * scale
  }
}
