import Formats

/// Slow-log entries reduced to per-bucket work by user and by fingerprint, plus each fingerprint's totals for
/// the evidence. Memory grows with (users + fingerprints) × buckets, never with entries; past
/// `fingerprintLimit` classes, new ones are counted together.
struct QueryAggregate: Sendable {
  /// One bucket of one user's or fingerprint's statements.
  struct Cell: Sendable {
    var count: Int32 = 0
    var seconds = 0.0
    var rowsExamined = 0.0
    var histogram: QueryTimeHistogram?

    mutating func add(_ query: SlowQuery) {
      count += 1
      seconds += query.queryTime
      rowsExamined += Double(query.rowsExamined)
      if histogram == nil { histogram = QueryTimeHistogram() }
      histogram!.add(query.queryTime)
    }

    mutating func merge(_ other: Cell) {
      count += other.count
      seconds += other.seconds
      rowsExamined += other.rowsExamined
      if let theirs = other.histogram {
        if histogram == nil { histogram = theirs } else { histogram!.merge(theirs) }
      }
    }
  }

  /// A fingerprint over the whole input: what the evidence cites.
  struct Class: Sendable {
    var fingerprint: String
    var example: String
    var cells: BucketSeries<Cell>
    var count = 0
    var seconds = 0.0
    var rowsExamined = 0.0
    var histogram = QueryTimeHistogram()
    /// Statement time by user, so the evidence names who runs it.
    var secondsByUser: [String: Double] = [:]
    var first: ExampleLine?

    mutating func merge(_ other: Class) {
      cells.merge(other.cells) { $0.merge($1) }
      count += other.count
      seconds += other.seconds
      rowsExamined += other.rowsExamined
      histogram.merge(other.histogram)
      for (user, seconds) in other.secondsByUser { secondsByUser[user, default: 0] += seconds }
      if let theirs = other.first, first.map({ ExampleLine.chronological(theirs, $0) }) ?? true {
        first = theirs
      }
    }
  }

  static let fingerprintLimit = 1_000
  static let overflowFingerprint: UInt64 = 0

  let stepMilliseconds: Int64
  private(set) var users: [String: BucketSeries<Cell>] = [:]
  private(set) var classes: [UInt64: Class] = [:]
  private(set) var entries = 0

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
  }

  mutating func add(_ query: SlowQuery, path: String) {
    entries += 1
    let time = query.time.milliseconds
    users[query.user, default: BucketSeries(stepMilliseconds: stepMilliseconds, empty: Cell())].update(
      at: time
    ) {
      $0.add(query)
    }
    var key = query.fingerprint
    if classes[key] == nil {
      if classes.count >= Self.fingerprintLimit { key = Self.overflowFingerprint }
      if classes[key] == nil {
        let sight = key == Self.overflowFingerprint ? nil : query.firstSight
        classes[key] = Class(
          fingerprint: sight?.fingerprint ?? "(other statements)", example: sight?.example ?? "",
          cells: BucketSeries(stepMilliseconds: stepMilliseconds, empty: Cell()),
          first: ExampleLine(path: path, line: query.line, milliseconds: time, text: sight?.example ?? ""))
      }
    }
    classes[key]!.cells.update(at: time) { $0.add(query) }
    classes[key]!.count += 1
    classes[key]!.seconds += query.queryTime
    classes[key]!.rowsExamined += Double(query.rowsExamined)
    classes[key]!.histogram.add(query.queryTime)
    classes[key]!.secondsByUser[query.user, default: 0] += query.queryTime
  }

  mutating func merge(_ other: QueryAggregate) {
    entries += other.entries
    for (user, series) in other.users {
      if users[user] == nil { users[user] = series } else { users[user]!.merge(series) { $0.merge($1) } }
    }
    for (key, theirs) in other.classes {
      if classes[key] == nil { classes[key] = theirs } else { classes[key]!.merge(theirs) }
    }
  }
}

/// Statement times on a log scale (four bins per doubling from 1 ms to about 18 hours), so a p90 per bucket
/// costs a fixed 256 bytes whatever the number of statements; the quantile is read at the bin's geometric
/// middle, within 9% of the true value.
struct QueryTimeHistogram: Sendable, Equatable {
  static let binsPerDoubling = 4.0
  static let smallest = 0.001
  private(set) var counts = [UInt32](repeating: 0, count: 64)
  private(set) var total: UInt32 = 0

  mutating func add(_ seconds: Double) {
    counts[Self.bin(seconds)] += 1
    total += 1
  }

  mutating func merge(_ other: QueryTimeHistogram) {
    for index in counts.indices { counts[index] += other.counts[index] }
    total += other.total
  }

  static func bin(_ seconds: Double) -> Int {
    guard seconds > smallest else { return 0 }
    return min(63, 1 + Int((log2(seconds / smallest) * binsPerDoubling).rounded(.down)))
  }

  /// The `q` quantile (nearest rank), NaN when empty.
  func quantile(_ q: Double) -> Double {
    guard total > 0 else { return .nan }
    let rank = max(1, UInt32((q * Double(total)).rounded(.up)))
    var seen: UInt32 = 0
    for (index, count) in counts.enumerated() {
      seen += count
      if seen >= rank {
        guard index > 0 else { return Self.smallest }
        let lower = Self.smallest * exp2(Double(index - 1) / Self.binsPerDoubling)
        return lower * exp2(0.5 / Self.binsPerDoubling)
      }
    }
    return .nan
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
