/// Lengths of time as configurations write them: `90s`, `30m`, `24h`, `90d`, `2w`.
public enum SpanText {
  /// Seconds, or nil for anything but a positive whole number followed by one unit letter.
  public static func seconds(_ text: String) -> Int? {
    guard let unit = text.last, let number = Int(text.dropLast()), number > 0 else { return nil }
    let scale: Int? =
      switch unit {
      case "s": 1
      case "m": 60
      case "h": 3600
      case "d": 86400
      case "w": 7 * 86400
      default: nil
      }
    guard let scale else { return nil }
    let (seconds, overflow) = number.multipliedReportingOverflow(by: scale)
    return overflow ? nil : seconds
  }
}
