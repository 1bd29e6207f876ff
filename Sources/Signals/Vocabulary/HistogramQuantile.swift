/// PromQL's `histogram_quantile` over one interval's bucket increases, so a dump's `_bucket` counters read as
/// the latency quantiles a dashboard shows.
enum HistogramQuantile {
  /// The `q` quantile of a histogram given as cumulative counts per upper bound (`le`), the last `+Inf`.
  /// As PromQL: linear interpolation inside the bucket the rank falls in, from 0 for the first bucket (when
  /// its bound is positive); the highest finite bound when the rank falls in `+Inf`; NaN without observations
  /// or without a `+Inf` bucket. Counts are made monotone first, as PromQL does for scrape skew.
  static func value(_ q: Double, buckets: [(upperBound: Double, count: Double)]) -> Double {
    guard let last = buckets.last, last.upperBound == .infinity, buckets.count >= 2 else { return .nan }
    var counts = buckets.map(\.count)
    for index in counts.indices.dropFirst() { counts[index] = max(counts[index], counts[index - 1]) }
    let total = counts[counts.count - 1]
    guard total > 0, q >= 0, q <= 1 else { return .nan }
    let rank = q * total
    let index = counts.firstIndex { $0 >= rank } ?? counts.count - 1
    if index == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
    let upper = buckets[index].upperBound
    let lower: Double
    let below: Double
    if index == 0 {
      guard upper > 0 else { return upper }
      (lower, below) = (0, 0)
    } else {
      (lower, below) = (buckets[index - 1].upperBound, counts[index - 1])
    }
    let inBucket = counts[index] - below
    guard inBucket > 0 else { return upper }
    return lower + (upper - lower) * (rank - below) / inBucket
  }
}
