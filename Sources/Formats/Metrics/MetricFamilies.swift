/// The kinds that `# TYPE` lines declare, by family name; every scrape repeats them, so names are interned as
/// bytes and a repeated declaration allocates nothing.
struct MetricFamilies {
  private var names = SpellingTable()
  private var kinds: [MetricSeries.Kind] = []

  /// Records `# TYPE name kind`; a later declaration of the same family replaces the earlier one.
  mutating func declare(_ name: UnsafeRawBufferPointer, kind: MetricSeries.Kind) {
    if let index = names.value(for: name) {
      kinds[index] = kind
    } else {
      names.set(kinds.count, for: name)
      kinds.append(kind)
    }
  }

  /// The kind of a series called `name`: its own family's, else that of the histogram or summary it is a
  /// `_bucket`/`_sum`/`_count` of, else (no TYPE line) counter for a `_total` name and untyped otherwise.
  func kind(ofSeriesNamed name: UnsafeRawBufferPointer) -> MetricSeries.Kind {
    if let index = names.value(for: name) { return kinds[index] }
    for (suffix, parents) in Self.memberSuffixes {
      guard let family = Self.dropping(suffix, from: name), let index = names.value(for: family),
        parents.contains(kinds[index])
      else { continue }
      return kinds[index]
    }
    return Self.dropping("_total", from: name) == nil ? .untyped : .counter
  }

  /// The kind a `# TYPE` line names; OpenMetrics-only kinds (`gaugehistogram`, `info`, `stateset`,
  /// `unknown`) have no counterpart here and read as untyped.
  static func kind(named word: UnsafeRawBufferPointer) -> MetricSeries.Kind {
    let whole = 0..<word.count
    if ByteLiterals.equalsIgnoringCase(word, whole, "counter") { return .counter }
    if ByteLiterals.equalsIgnoringCase(word, whole, "gauge") { return .gauge }
    if ByteLiterals.equalsIgnoringCase(word, whole, "histogram") { return .histogram }
    if ByteLiterals.equalsIgnoringCase(word, whole, "summary") { return .summary }
    return .untyped
  }

  private static let memberSuffixes: [(StaticString, [MetricSeries.Kind])] = [
    ("_bucket", [.histogram]), ("_sum", [.histogram, .summary]), ("_count", [.histogram, .summary]),
    ("_total", [.counter]),
  ]

  /// `name` without `suffix`, if it ends with it and something is left.
  private static func dropping(_ suffix: StaticString, from name: UnsafeRawBufferPointer)
    -> UnsafeRawBufferPointer?
  {
    let length = suffix.utf8CodeUnitCount
    guard name.count > length else { return nil }
    let tail = UnsafeRawBufferPointer(start: suffix.utf8Start, count: length)
    for offset in 0..<length where name[name.count - length + offset] != tail[offset] { return nil }
    return UnsafeRawBufferPointer(rebasing: name[..<(name.count - length)])
  }
}
