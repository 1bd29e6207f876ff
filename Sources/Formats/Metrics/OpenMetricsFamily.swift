/// What the strict checks remember of the metric family being read: its metadata, the label groups it has
/// shown, and the histogram sample run in progress. Nothing is kept per sample.
struct OpenMetricsFamily {
  var name: [UInt8]
  /// Nil until a `# TYPE` line; a family that no metadata introduced is `unknown`.
  var type: OpenMetricsType?
  var hasHelp = false
  var unit: [UInt8]?
  var hasSamples = false
  /// The groups (label sets without `le`, `quantile` or the stateset's own label) seen so far.
  var seenGroups: Set<UInt64> = []
  var group: UInt64?
  var groupTimestamp: Double?
  var histogram: HistogramRun?

  init(name: [UInt8], type: OpenMetricsType? = nil) {
    self.name = name
    self.type = type
  }

  var allowedSuffixes: [OpenMetricsSuffix] { type?.allowedSuffixes ?? [.bare] }

  /// The buckets, count and sums of one histogram group at one timestamp, in the order they came.
  struct HistogramRun {
    var group: UInt64
    var timestamp: Double?
    var count: Double?
    var bound: Double?
    var bucketValue = 0.0
    var negativeBuckets = false
    var hasSum = false
    var hasGSum = false
    var negativeGSum = false

    /// Adds one `_bucket`, `_count`, `_sum`, `_gcount` or `_gsum` sample; the rule broken, if any.
    mutating func add(_ suffix: OpenMetricsSuffix, value: Double, bound: Double?) -> String? {
      switch suffix {
      case .bucket:
        guard let bound else { return nil }
        if bound < 0 { negativeBuckets = true }
        if let previous = self.bound, bound <= previous {
          return "histogram buckets must be in increasing order of `le`"
        }
        if value < bucketValue { return "histogram bucket counts must not decrease as `le` grows" }
        self.bound = bound
        bucketValue = value
      case .count, .gcount: count = value
      case .sum: hasSum = true
      case .gsum:
        hasGSum = true
        if value < 0 { negativeGSum = true }
      default: break
      }
      return nil
    }

    /// The rules about a complete group: the rule broken, if any.
    func finish() -> String? {
      if bound != .infinity { return "histogram has no `le=\"+Inf\"` bucket" }
      if let count, count != bucketValue { return "histogram `_count` differs from its `+Inf` bucket" }
      if hasSum, count == nil { return "histogram has `_sum` without `_count`" }
      if hasGSum, count == nil { return "gauge histogram has `_gsum` without `_gcount`" }
      if !(hasSum || hasGSum), count != nil { return "histogram has a count without a sum" }
      if negativeBuckets, hasSum {
        return "histogram with negative buckets cannot have `_sum` (use a gaugehistogram)"
      }
      if !negativeBuckets, negativeGSum {
        return "gauge histogram has a negative `_gsum` but no negative bucket"
      }
      return nil
    }
  }
}
