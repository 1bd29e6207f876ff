import Formats

/// Metric series as sampled: the last sample of each bucket, per series, keyed by series identity so that the
/// same series from several files (a scrape dump and a query_range export) merges.
struct MetricAggregate: Sendable {
  struct Point: Equatable, Sendable {
    var milliseconds: Int64
    var value: Double
  }

  /// One series' samples; its identity is known only once its source has been read.
  struct Series: Sendable {
    var points: BucketSeries<Point?>
    var sampleCount = 0
    var firstMilliseconds = Int64.max
    var lastMilliseconds = Int64.min
    var paths: Set<String> = []

    init(stepMilliseconds: Int64) {
      points = BucketSeries(stepMilliseconds: stepMilliseconds, empty: nil)
    }

    mutating func add(_ sample: MetricSample) {
      let time = sample.time.milliseconds
      let point = Point(milliseconds: time, value: sample.value)
      points.update(at: time) { MetricAggregate.keepLatest(&$0, point) }
      sampleCount += 1
      firstMilliseconds = min(firstMilliseconds, time)
      lastMilliseconds = max(lastMilliseconds, time)
    }

    mutating func merge(_ other: Series) {
      points.merge(other.points) { mine, theirs in
        if let theirs { MetricAggregate.keepLatest(&mine, theirs) }
      }
      sampleCount += other.sampleCount
      firstMilliseconds = min(firstMilliseconds, other.firstMilliseconds)
      lastMilliseconds = max(lastMilliseconds, other.lastMilliseconds)
      paths.formUnion(other.paths)
    }
  }

  private(set) var series: [MetricSeries: Series] = [:]

  /// Replicas summed to their service (`SeriesRollup`), keyed by the rolled-up identity.
  struct Rollup: Sendable {
    var sums: RolledUpSeries
    var members = 0
    /// The first member of each source's group, whose own samples `series` also holds: a rollup of more
    /// than one member replaces them.
    var leads: Set<MetricSeries> = []
    var paths: Set<String> = []
  }

  private(set) var rollups: [MetricSeries: Rollup] = [:]

  mutating func merge(_ other: Rollup, as identity: MetricSeries) {
    guard var mine = rollups[identity] else {
      rollups[identity] = other
      return
    }
    mine.sums.merge(other.sums)
    mine.members += other.members
    mine.leads.formUnion(other.leads)
    mine.paths.formUnion(other.paths)
    rollups[identity] = mine
  }

  mutating func merge(_ other: Series, as identity: MetricSeries) {
    if series[identity] == nil { series[identity] = other } else { series[identity]!.merge(other) }
  }

  mutating func merge(_ other: MetricAggregate) {
    for (identity, theirs) in other.series { merge(theirs, as: identity) }
    for (identity, theirs) in other.rollups { merge(theirs, as: identity) }
  }

  /// Of two samples in one bucket the later wins; equal times keep the one seen first.
  static func keepLatest(_ slot: inout Point?, _ point: Point) {
    if slot.map({ point.milliseconds > $0.milliseconds }) ?? true { slot = point }
  }
}
