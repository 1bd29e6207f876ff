/// Byte counts in binary units, `512 B`, `34.5 MiB`: sizes people compare with `ls -lh` and `du -h`.
enum ByteText {
  private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

  static func format(_ bytes: Int) -> String {
    var value = Double(bytes)
    var unit = 0
    while abs(value) >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return DecimalText.number(value) + " " + units[unit]
  }
}
