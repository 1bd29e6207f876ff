/// The metric types a `# TYPE` line may name in OpenMetrics 1.0, with the sample names each one allows.
enum OpenMetricsType: Sendable, Equatable {
  case counter, gauge, histogram, gaugeHistogram, summary, info, stateSet, unknown

  /// The type a `# TYPE` line's text names exactly (lower case, nothing after it); nil otherwise.
  init?(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) {
    switch range.count {
    case 4 where ByteLiterals.equals(line, range, "info"): self = .info
    case 5 where ByteLiterals.equals(line, range, "gauge"): self = .gauge
    case 7 where ByteLiterals.equals(line, range, "counter"): self = .counter
    case 7 where ByteLiterals.equals(line, range, "summary"): self = .summary
    case 7 where ByteLiterals.equals(line, range, "unknown"): self = .unknown
    case 8 where ByteLiterals.equals(line, range, "stateset"): self = .stateSet
    case 9 where ByteLiterals.equals(line, range, "histogram"): self = .histogram
    case 14 where ByteLiterals.equals(line, range, "gaugehistogram"): self = .gaugeHistogram
    default: return nil
    }
  }

  /// The suffixes a sample name may add to the family name.
  var allowedSuffixes: [OpenMetricsSuffix] {
    switch self {
    case .counter: [.total, .created]
    case .summary: [.bare, .count, .sum, .created]
    case .histogram: [.count, .sum, .bucket, .created]
    case .gaugeHistogram: [.gcount, .gsum, .bucket]
    case .info: [.info]
    case .gauge, .stateSet, .unknown: [.bare]
    }
  }

  /// The names a family of this type takes up, so that no other family may use them.
  var reservedSuffixes: [OpenMetricsSuffix] {
    allowedSuffixes.contains(.bare) ? allowedSuffixes : [.bare] + allowedSuffixes
  }

  /// Whether samples may carry an exemplar: histogram buckets and counter totals only.
  func allowsExemplar(on suffix: OpenMetricsSuffix) -> Bool {
    switch self {
    case .histogram, .gaugeHistogram: suffix == .bucket
    case .counter: suffix == .total
    default: false
    }
  }
}

/// What a sample name adds to its family's name.
enum OpenMetricsSuffix: Sendable, Equatable, CaseIterable {
  case bare, total, created, count, sum, bucket, gcount, gsum, info

  var text: StaticString {
    switch self {
    case .bare: ""
    case .total: "_total"
    case .created: "_created"
    case .count: "_count"
    case .sum: "_sum"
    case .bucket: "_bucket"
    case .gcount: "_gcount"
    case .gsum: "_gsum"
    case .info: "_info"
    }
  }

  /// Samples whose values count something: never NaN, never negative (except a gauge histogram's `_gsum`).
  var isCounterLike: Bool {
    switch self {
    case .total, .sum, .count, .bucket, .gcount, .gsum: true
    case .bare, .created, .info: false
    }
  }

  /// The suffix that `name` adds to `family`, if it is one of `allowed`.
  static func of(
    _ name: UnsafeRawBufferPointer, in family: [UInt8], allowed: [OpenMetricsSuffix]
  ) -> OpenMetricsSuffix? {
    guard name.count >= family.count else { return nil }
    for index in 0..<family.count where name[index] != family[index] { return nil }
    let rest = family.count..<name.count
    for suffix in allowed where ByteLiterals.equals(name, rest, suffix.text) { return suffix }
    return nil
  }
}
