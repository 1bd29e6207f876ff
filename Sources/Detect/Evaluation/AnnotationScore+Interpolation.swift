extension AnnotationScore {
  /// Missing values filled by linear interpolation between their present neighbours (held flat before the
  /// first and after the last), as TCPDBench fills them before running any method: scoring on the same
  /// values keeps the figures comparable with the published ones.
  public static func interpolated(_ raw: [Double?]) -> [Double] {
    let present = raw.indices.filter { raw[$0] != nil }
    guard let first = present.first, let last = present.last else {
      return [Double](repeating: 0, count: raw.count)
    }
    var values = [Double](repeating: 0, count: raw.count)
    for index in 0..<first { values[index] = raw[first]! }
    for index in last..<raw.count { values[index] = raw[last]! }
    for (left, right) in zip(present, present.dropFirst()) {
      let a = raw[left]!
      let b = raw[right]!
      for index in left..<right {
        values[index] = a + (b - a) * Double(index - left) / Double(right - left)
      }
    }
    return values
  }
}
