/// Fewer points, same picture: of the points that fall into one pixel column only the first, lowest, highest
/// and last are drawn (M4, Jugel et al., VLDB 2014), so a day at 10 s (8,640 buckets) on a 640-pixel plot
/// keeps its spikes while the SVG stays small.
enum PixelThinning {
  struct Point {
    var x: Double
    var y: Double
  }

  /// `points` in order of x; the result is a subsequence of them, in the same order.
  static func thinned(_ points: [Point]) -> [Point] {
    guard points.count > 4 else { return points }
    var result: [Point] = []
    var start = 0
    while start < points.count {
      let column = points[start].x.rounded(.down)
      var end = start + 1
      while end < points.count && points[end].x.rounded(.down) == column { end += 1 }
      result += extremes(points[start..<end])
      start = end
    }
    return result
  }

  /// First, lowest, highest and last of one column, each once, in their original order.
  private static func extremes(_ column: ArraySlice<Point>) -> [Point] {
    guard column.count > 4 else { return Array(column) }
    var lowest = column.startIndex
    var highest = column.startIndex
    for index in column.indices {
      if column[index].y < column[lowest].y { lowest = index }
      if column[index].y > column[highest].y { highest = index }
    }
    let kept = Set([column.startIndex, lowest, highest, column.endIndex - 1]).sorted()
    return kept.map { column[$0] }
  }
}
