/// `--tz` values: `UTC`, `Z` or a fixed offset (`+02:00`, `-0500`).
public enum UTCOffset {
  public static func seconds(_ text: String) -> Int? {
    if text == "UTC" || text == "Z" || text == "utc" { return 0 }
    let bytes = Array(text.utf8)
    guard bytes.count == 6 || bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-")
    else { return nil }
    let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
    guard digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    let value = digits.map { Int($0 - 48) }
    let hours = value[0] * 10 + value[1]
    let minutes = value[2] * 10 + value[3]
    guard hours <= 14, minutes < 60 else { return nil }
    return (bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
  }
}
