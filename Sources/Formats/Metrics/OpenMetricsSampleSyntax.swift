/// One sample line read by OpenMetrics 1.0's grammar, exactly: `name{label="value",…} value [timestamp]
/// [# {label="value",…} value [timestamp]]`, single spaces, no blanks inside the label set, no trailing comma.
///
/// Only ranges and numbers are kept; the label pairs go to a buffer the caller owns and reuses across lines.
struct OpenMetricsSampleSyntax {
  /// One `name="value"` of a label set: the value's range excludes the quotes and is still escaped.
  struct Label {
    var name: Range<Int>
    var value: Range<Int>
  }

  var name: Range<Int>
  var value: Double
  /// Seconds since the epoch, as written (OpenMetrics timestamps are seconds, fractions allowed).
  var timestamp: Double?
  var hasExemplar = false

  /// Reads `line`, putting its labels in `labels` (emptied first); the reason on the first byte out of place.
  static func read(
    _ line: UnsafeRawBufferPointer, labels: inout [Label], exemplarLabels: inout [Label]
  ) -> Result<OpenMetricsSampleSyntax, Reason> {
    labels.removeAll(keepingCapacity: true)
    let end = line.count
    var index = 0
    guard index < end, PrometheusSampleLine.isNameStart(line[index]) else {
      return .failure("a sample line must start with a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)")
    }
    while index < end, PrometheusSampleLine.isNameByte(line[index]) { index += 1 }
    let name = 0..<index
    if index < end, line[index] == PrometheusSampleLine.braceOpen {
      switch labelSet(line, from: index, into: &labels) {
      case .success(let next): index = next
      case .failure(let reason): return .failure(reason)
      }
    }
    guard index < end, line[index] == space else {
      return .failure(
        index == end
          ? "the sample has no value"
          : "the metric name or label set is followed by something other than one space")
    }
    index += 1
    let valueToken = token(line, from: index)
    guard !valueToken.isEmpty else {
      return .failure("the value must follow the name after exactly one space")
    }
    guard let value = DecimalBytes.double(in: line, valueToken) else {
      return .failure("the value is not a decimal number, +Inf, -Inf or NaN (no hex, no `_`)")
    }
    var sample = OpenMetricsSampleSyntax(name: name, value: value)
    index = valueToken.upperBound
    guard index < end else { return .success(sample) }
    index += 1
    if index < end, line[index] != PrometheusSampleLine.hash {
      let timestampToken = token(line, from: index)
      guard !timestampToken.isEmpty else { return .failure("two spaces after the value") }
      guard let seconds = finite(line, timestampToken) else {
        return .failure("the timestamp is not a finite decimal number of seconds")
      }
      sample.timestamp = seconds
      index = timestampToken.upperBound
      guard index < end else { return .success(sample) }
      index += 1
    }
    guard index + 2 < end, line[index] == PrometheusSampleLine.hash, line[index + 1] == space,
      line[index + 2] == PrometheusSampleLine.braceOpen
    else {
      return .failure(
        index >= end
          ? "a trailing space ends the line"
          : "only an exemplar, ` # {labels} value [timestamp]`, may follow the sample")
    }
    switch exemplar(line, from: index + 2, labels: &exemplarLabels) {
    case .success: sample.hasExemplar = true
    case .failure(let reason): return .failure(reason)
    }
    return .success(sample)
  }

  /// A reason is a fixed phrase, so a file full of bad lines allocates nothing for them.
  struct Reason: Error, ExpressibleByStringLiteral {
    var text: StaticString
    init(stringLiteral text: StaticString) { self.text = text }
    var description: String { text.description }
  }

  /// The exemplar from its `{`: labels of at most 128 characters in all, a value, an optional timestamp.
  private static func exemplar(
    _ line: UnsafeRawBufferPointer, from start: Int, labels: inout [Label]
  ) -> Result<Void, Reason> {
    labels.removeAll(keepingCapacity: true)
    var index: Int
    switch labelSet(line, from: start, into: &labels) {
    case .success(let next): index = next
    case .failure(let reason): return .failure(reason)
    }
    var characters = 0
    for label in labels {
      characters +=
        OpenMetricsLabels.characters(line, label.name) + OpenMetricsLabels.characters(line, label.value)
    }
    guard characters <= 128 else { return .failure("exemplar labels longer than 128 characters in all") }
    guard index < line.count, line[index] == space else {
      return .failure("the exemplar's label set must be followed by one space and a value")
    }
    let valueToken = token(line, from: index + 1)
    guard !valueToken.isEmpty, DecimalBytes.double(in: line, valueToken) != nil else {
      return .failure("the exemplar's value is missing or not a number")
    }
    index = valueToken.upperBound
    guard index < line.count else { return .success(()) }
    let timestampToken = token(line, from: index + 1)
    guard !timestampToken.isEmpty, timestampToken.upperBound == line.count,
      finite(line, timestampToken) != nil
    else { return .failure("the exemplar's timestamp is not a finite number of seconds ending the line") }
    return .success(())
  }

  /// `{a="1",b="2"}` from its `{`: the index after the `}`.
  static func labelSet(_ line: UnsafeRawBufferPointer, from start: Int, into labels: inout [Label])
    -> Result<Int, Reason>
  {
    let end = line.count
    var index = start + 1
    if index < end, line[index] == PrometheusSampleLine.braceClose { return .success(index + 1) }
    while true {
      let nameStart = index
      guard index < end, PrometheusSampleLine.isLabelNameStart(line[index]) else {
        return .failure("a label name must start with a letter or `_` (no blanks, no trailing comma)")
      }
      while index < end, PrometheusSampleLine.isLabelNameByte(line[index]) { index += 1 }
      let name = nameStart..<index
      guard index < end, line[index] == PrometheusSampleLine.equals else {
        return .failure("a label name must be followed by `=`")
      }
      index += 1
      guard index < end, line[index] == PrometheusSampleLine.quote else {
        return .failure("a label value must be in double quotes")
      }
      index += 1
      let valueStart = index
      while index < end, line[index] != PrometheusSampleLine.quote {
        index += line[index] == PrometheusSampleLine.backslash ? 2 : 1
      }
      guard index < end else { return .failure("a label value has no closing quote") }
      for earlier in labels where OpenMetricsLabels.equal(line, earlier.name, name) {
        return .failure("the same label name appears twice in one label set")
      }
      labels.append(Label(name: name, value: valueStart..<index))
      index += 1
      guard index < end else { return .failure("the label set has no closing `}`") }
      switch line[index] {
      case PrometheusSampleLine.braceClose: return .success(index + 1)
      case PrometheusSampleLine.comma: index += 1
      default: return .failure("labels must be separated by `,` and the set closed by `}`")
      }
    }
  }

  /// The bytes from `start` up to the next space or the end.
  private static func token(_ line: UnsafeRawBufferPointer, from start: Int) -> Range<Int> {
    var index = start
    while index < line.count, line[index] != space { index += 1 }
    return start..<max(start, index)
  }

  private static func finite(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
    guard let value = DecimalBytes.double(in: line, range), value.isFinite else { return nil }
    return value
  }

  private static let space: UInt8 = 0x20
}
