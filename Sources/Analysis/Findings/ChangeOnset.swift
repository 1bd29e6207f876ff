// TEMPORARY until the detect branch lands.
enum ChangeOnset {
  static func rampStart(_ values: [Double], changeIndex: Int) -> Int { changeIndex }
  static func plateau(_ values: [Double], limit: Double, tolerance: Double) -> Int? {
    values.firstIndex { $0 >= limit - tolerance }
  }
  static func firstNonZero(_ values: [Double], afterQuietPoints: Int) -> Int? {
    values.firstIndex { $0 > 0 }
  }
}
