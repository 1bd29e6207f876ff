/// A value with its signal's unit: ratios as percentages, seconds as durations, anything else as number and
/// unit.
package enum QuantityText {
  package static func format(_ value: Double, unit: String) -> String {
    switch unit {
    case "ratio": DecimalText.percent(value)
    case "s": DurationText.format(seconds: value)
    default: DecimalText.number(value) + suffix(unit)
    }
  }

  /// `12 → 151 connections`, `0.0% → 30.0%`, `0.9 s → 9.3 s`: the unit once when it reads as a plain suffix.
  package static func change(from before: Double, to after: Double, unit: String) -> String {
    switch unit {
    case "ratio", "s": format(before, unit: unit) + " → " + format(after, unit: unit)
    default: DecimalText.number(before) + " → " + DecimalText.number(after) + suffix(unit)
    }
  }

  /// Rates such as `/s` attach to the number; words stand apart.
  package static func suffix(_ unit: String) -> String {
    unit.isEmpty ? "" : unit.hasPrefix("/") ? unit : " " + unit
  }
}
