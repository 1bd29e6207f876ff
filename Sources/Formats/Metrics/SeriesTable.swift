/// The series a source names, in order of first appearance, which its samples refer to by index.
struct SeriesTable: Sendable {
  private(set) var all: [MetricSeries] = []
  private var indices: [MetricSeries: Int] = [:]

  /// The index of `identity`, added on first sight: spellings that differ only in label order meet here.
  mutating func index(of identity: MetricSeries) -> Int {
    if let known = indices[identity] { return known }
    indices[identity] = all.count
    all.append(identity)
    return all.count - 1
  }
}
