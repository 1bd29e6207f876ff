#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Strict OpenMetrics 1.0 text: whether an exposition conforms, and if not, the first line and rule it breaks.
///
/// The rules are those of the OpenMetrics test suite's reference parser (prometheus/client_python): exact
/// grammar, `# EOF` last, metadata before samples and once, units as name suffixes, per-type sample names and
/// values, histogram bucket order and totals, exemplar placement, no interleaved groups, no reused names.
/// Lines are read as bytes; memory grows with the families' names and one family's label groups, not the
/// number of samples.
public struct OpenMetricsValidator {
  private var family: OpenMetricsFamily?
  /// Sample names taken by the families already read.
  private var takenNames: Set<[UInt8]> = []
  private var ended = false
  private var lineNumber = 0
  private var labels: [OpenMetricsSampleSyntax.Label] = []
  private var exemplarLabels: [OpenMetricsSampleSyntax.Label] = []

  public init() {}

  /// Checks a whole exposition held in memory; nil when it conforms.
  public static func validate(_ bytes: UnsafeRawBufferPointer) -> OpenMetricsViolation? {
    var validator = OpenMetricsValidator()
    guard let base = bytes.baseAddress else { return validator.finish() }
    var start = 0
    while start < bytes.count {
      let end: Int
      if let newline = memchr(base + start, 0x0A, bytes.count - start) {
        end = base.distance(to: UnsafeRawPointer(newline))
      } else {
        end = bytes.count
      }
      if let violation = validator.accept(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
        return violation
      }
      start = end + 1
    }
    return validator.finish()
  }

  /// Checks the next line (without its `\n`); the violation, if it breaks a rule.
  public mutating func accept(_ line: UnsafeRawBufferPointer) -> OpenMetricsViolation? {
    lineNumber += 1
    guard !ended else { return violation("text after `# EOF`, which must end the exposition") }
    guard !line.isEmpty else { return violation("blank line; OpenMetrics allows none") }
    if line[0] == PrometheusSampleLine.hash {
      if ByteLiterals.equals(line, 0..<line.count, "# EOF") {
        ended = true
        return nil
      }
      return metadata(line)
    }
    return sample(line)
  }

  /// The violation of the end of the exposition: the last family's rules, and `# EOF` present.
  public mutating func finish() -> OpenMetricsViolation? {
    if let violation = closeFamily() { return violation }
    return ended ? nil : OpenMetricsViolation(line: lineNumber + 1, reason: "missing `# EOF` at the end")
  }

  private func violation(_ reason: String) -> OpenMetricsViolation {
    OpenMetricsViolation(line: lineNumber, reason: reason)
  }

  // MARK: Metadata

  /// `# HELP name text`, `# TYPE name type` or `# UNIT name unit`, single spaces, before the family's samples.
  private mutating func metadata(_ line: UnsafeRawBufferPointer) -> OpenMetricsViolation? {
    let keyword = 2..<6
    guard line.count > 7, line[1] == 0x20, line[6] == 0x20 else {
      return violation(
        "comment lines must be `# HELP`, `# TYPE` or `# UNIT` with a name and text, or `# EOF`")
    }
    var nameEnd = 7
    while nameEnd < line.count, line[nameEnd] != 0x20 { nameEnd += 1 }
    let name = 7..<nameEnd
    guard nameEnd < line.count else {
      return violation("a metadata line needs a metric name, one space and text (which may be empty)")
    }
    guard isMetricName(line, name) else { return violation("invalid metric name in metadata") }
    let text = (nameEnd + 1)..<line.count
    if let family, OpenMetricsLabels.equal(line, name, family.name) {
      if family.hasSamples { return violation("metadata after the family's samples; it must come first") }
    } else {
      if let violation = closeFamily() { return violation }
      family = OpenMetricsFamily(name: Array(UnsafeRawBufferPointer(rebasing: line[name])))
    }
    if ByteLiterals.equals(line, keyword, "HELP") {
      if family!.hasHelp { return violation("a second `# HELP` for the same family") }
      family!.hasHelp = true
    } else if ByteLiterals.equals(line, keyword, "TYPE") {
      if family!.type != nil { return violation("a second `# TYPE` for the same family") }
      guard let type = OpenMetricsType(line, text) else {
        return violation(
          ByteLiterals.equals(line, text, "untyped")
            ? "`untyped` is Prometheus 0.0.4; OpenMetrics calls it `unknown`"
            : "unknown type: use counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown"
        )
      }
      family!.type = type
    } else if ByteLiterals.equals(line, keyword, "UNIT") {
      if family!.unit != nil { return violation("a second `# UNIT` for the same family") }
      family!.unit = Array(UnsafeRawBufferPointer(rebasing: line[text]))
    } else {
      return violation(
        "comment lines must be `# HELP`, `# TYPE` or `# UNIT` with a name and text, or `# EOF`")
    }
    return nil
  }

  /// Ends the current family: its names must not clash with earlier families', its unit must suffix its name,
  /// its last histogram group must be complete.
  private mutating func closeFamily() -> OpenMetricsViolation? {
    guard var family else { return nil }
    self.family = nil
    let type = family.type ?? .unknown
    if let run = family.histogram, let reason = run.finish() { return violation(reason) }
    family.histogram = nil
    for suffix in type.reservedSuffixes {
      var name = family.name
      name.append(
        contentsOf: UnsafeRawBufferPointer(start: suffix.text.utf8Start, count: suffix.text.utf8CodeUnitCount)
      )
      guard takenNames.insert(name).inserted else {
        return violation(
          "the family `\(String(decoding: family.name, as: UTF8.self))` clashes with an earlier family's name "
            + "`\(String(decoding: name, as: UTF8.self))` (families must be contiguous and names unique)")
      }
    }
    if let unit = family.unit, !unit.isEmpty {
      if type == .info || type == .stateSet {
        return violation("info and stateset families cannot have a unit")
      }
      let suffix = [0x5F] + unit
      guard family.name.count > suffix.count, Array(family.name.suffix(suffix.count)) == suffix else {
        return violation(
          "the family name `\(String(decoding: family.name, as: UTF8.self))` must end with `_` and its unit")
      }
    }
    return nil
  }

  // MARK: Samples

  private mutating func sample(_ line: UnsafeRawBufferPointer) -> OpenMetricsViolation? {
    let syntax: OpenMetricsSampleSyntax
    switch OpenMetricsSampleSyntax.read(line, labels: &labels, exemplarLabels: &exemplarLabels) {
    case .success(let read): syntax = read
    case .failure(let reason): return violation(reason.description)
    }
    let name = UnsafeRawBufferPointer(rebasing: line[syntax.name])
    var suffix: OpenMetricsSuffix
    if let current = family,
      let found = OpenMetricsSuffix.of(name, in: current.name, allowed: current.allowedSuffixes)
    {
      suffix = found
    } else {
      // A name the current family does not allow starts a family of its own, of unknown type.
      if let violation = closeFamily() { return violation }
      family = OpenMetricsFamily(name: Array(name), type: .unknown)
      suffix = .bare
    }
    return check(line, syntax, suffix: suffix)
  }

  /// The rules of one sample within its family.
  private mutating func check(
    _ line: UnsafeRawBufferPointer, _ sample: OpenMetricsSampleSyntax, suffix: OpenMetricsSuffix
  )
    -> OpenMetricsViolation?
  {
    let type = family!.type ?? .unknown
    let value = sample.value
    var special: Int?
    var bound: Double?
    switch (type, suffix) {
    case (.stateSet, _):
      let ownName = family!.name
      special = labels.firstIndex { OpenMetricsLabels.equal(line, $0.name, ownName) }
      if special == nil { return violation("a stateset sample needs a label named after its family") }
      if value != 0 && value != 1 { return violation("stateset values are 0 or 1") }
    case (.info, _):
      if value != 1 { return violation("info values are 1") }
    case (.summary, .bare):
      special = OpenMetricsLabels.position(of: "quantile", in: line, labels)
      guard let position = special,
        let quantile = OpenMetricsLabels.canonicalNumber(line, labels[position].value),
        quantile >= 0, quantile <= 1
      else { return violation("a summary quantile sample needs a `quantile` label between 0 and 1") }
      if value < 0 { return violation("summary quantile values cannot be negative") }
    case (_, .bucket):
      special = OpenMetricsLabels.position(of: "le", in: line, labels)
      guard let position = special, let le = OpenMetricsLabels.canonicalNumber(line, labels[position].value)
      else {
        return violation("a `_bucket` sample needs an `le` label holding a number (`+Inf` for the last)")
      }
      bound = le
      if value.rounded() != value { return violation("bucket counts must be integers") }
    case (_, .count), (_, .gcount):
      if value.rounded() != value { return violation("`_count` and `_gcount` must be integers") }
    default:
      break
    }
    if suffix.isCounterLike {
      if value.isNaN {
        return violation("counter-like samples (`_total`, `_count`, `_sum`, `_bucket`, …) cannot be NaN")
      }
      if value < 0, suffix != .gsum { return violation("counter-like samples cannot be negative") }
    }
    if sample.hasExemplar, !type.allowsExemplar(on: suffix) {
      return violation("exemplars belong only on histogram `_bucket` and counter `_total` samples")
    }
    let group = type == .info ? 0 : OpenMetricsLabels.groupHash(line, labels, excluding: special)
    if let reason = order(group: group, timestamp: sample.timestamp, type: type) { return violation(reason) }
    if type == .histogram || type == .gaugeHistogram, suffix != .bare {
      // A histogram's checks run per group and timestamp: a new pair completes the one before.
      let sameRun = family!.histogram.map { $0.group == group && $0.timestamp == sample.timestamp } ?? false
      if !sameRun {
        if let reason = family!.histogram?.finish() { return violation(reason) }
        family!.histogram = OpenMetricsFamily.HistogramRun(group: group, timestamp: sample.timestamp)
      }
      if let reason = family!.histogram!.add(suffix, value: value, bound: bound) { return violation(reason) }
    }
    family!.hasSamples = true
    return nil
  }

  /// A family's groups come one after another, each with timestamps on all samples or none, never decreasing.
  private mutating func order(group: UInt64, timestamp: Double?, type: OpenMetricsType) -> String? {
    if let current = family!.group, current == group {
      if (timestamp == nil) != (family!.groupTimestamp == nil) {
        return "timestamps on some samples of a group but not on others"
      }
      if let previous = family!.groupTimestamp, let timestamp, timestamp < previous, type != .info {
        return "timestamps went backwards within a group"
      }
    } else if family!.group != nil, family!.seenGroups.contains(group) {
      return "the samples of a label group are interleaved with another group's; keep each group together"
    }
    family!.group = group
    family!.groupTimestamp = timestamp
    family!.seenGroups.insert(group)
    return nil
  }

  private func isMetricName(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    guard !range.isEmpty, PrometheusSampleLine.isNameStart(line[range.lowerBound]) else { return false }
    return range.dropFirst().allSatisfy { PrometheusSampleLine.isNameByte(line[$0]) }
  }
}
