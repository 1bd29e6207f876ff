import Formats

/// Many series summed as they stream by, in memory that grows with buckets, not members: each bucket holds
/// how much the sum of the members' latest values (a gauge) and of their latest rates (a counter) changed
/// there, so the sum at any bucket is the running total up to it — `sum by (service)` of the values and of
/// `rate(…)`, with each member's value standing until its next sample.
struct RolledUpSeries: Sendable {
  /// What a stream remembers of each member between its samples.
  struct Member: Sendable {
    var milliseconds = Int64.min
    var value = 0.0
    /// What this member adds to the gauge and rate sums now.
    var gauge = 0.0
    var rate = 0.0
  }

  /// What changed in one bucket.
  struct Changes: Sendable {
    var gauge = 0.0
    var rate = 0.0
    /// Members reporting: +1 at each member's first sample.
    var members: Int32 = 0
    /// The latest sample time in the bucket; `.min` when it has none.
    var latest = Int64.min
  }

  var changes: BucketSeries<Changes>
  var sampleCount = 0
  var firstMilliseconds = Int64.max
  var lastMilliseconds = Int64.min
  /// Samples older than their member's previous one (out of order): left out of the sums.
  var outOfOrder = 0

  init(stepMilliseconds: Int64) {
    changes = BucketSeries(stepMilliseconds: stepMilliseconds, empty: Changes())
  }

  mutating func add(_ sample: MetricSample, member: inout Member) {
    let time = sample.time.milliseconds
    guard time > member.milliseconds else {
      outOfOrder += 1
      return
    }
    var rate = member.rate
    var joins: Int32 = 0
    if member.milliseconds == .min {
      joins = 1
    } else {
      // A counter that went down was reset: it counted from zero since.
      let increase = sample.value >= member.value ? sample.value - member.value : sample.value
      rate = increase / (Double(time - member.milliseconds) / 1000)
    }
    let (gaugeChange, rateChange) = (sample.value - member.gauge, rate - member.rate)
    changes.update(at: time) { cell in
      cell.latest = max(cell.latest, time)
      cell.members += joins
      cell.gauge += gaugeChange
      cell.rate += rateChange
    }
    member.rate = rate
    member.gauge = sample.value
    member.value = sample.value
    member.milliseconds = time
    sampleCount += 1
    firstMilliseconds = min(firstMilliseconds, time)
    lastMilliseconds = max(lastMilliseconds, time)
  }

  /// Adds the sums of other members (another source's replicas).
  mutating func merge(_ other: RolledUpSeries) {
    changes.merge(other.changes) { mine, theirs in
      mine.gauge += theirs.gauge
      mine.rate += theirs.rate
      mine.members += theirs.members
      mine.latest = max(mine.latest, theirs.latest)
    }
    sampleCount += other.sampleCount
    firstMilliseconds = min(firstMilliseconds, other.firstMilliseconds)
    lastMilliseconds = max(lastMilliseconds, other.lastMilliseconds)
    outOfOrder += other.outOfOrder
  }

  /// The sum as a series sampled where members reported: for a gauge the total (or the mean over the members
  /// reporting, when `averaged`), for a counter a running count whose increases are the summed rates, so the
  /// one-series code turns it back into those rates and histogram buckets into quantiles.
  func sampled(counter: Bool, averaged: Bool, members: Int) -> MetricAggregate.Series {
    var series = MetricAggregate.Series(stepMilliseconds: changes.stepMilliseconds)
    guard !changes.isEmpty else { return series }
    var gauge = 0.0
    var rate = 0.0
    var reporting: Int32 = 0
    var count = 0.0
    var previous = Int64.min
    for bucket in changes.firstBucket...changes.lastBucket {
      let cell = changes[bucket: bucket]
      gauge += cell.gauge
      rate += cell.rate
      reporting += cell.members
      let time = cell.latest
      guard time != .min else { continue }
      let value: Double
      if counter {
        if previous != .min { count += rate * Double(time - previous) / 1000 }
        value = count
      } else {
        value = averaged ? gauge / Double(max(1, reporting)) : gauge
      }
      previous = time
      series.add(MetricSample(series: 0, time: Timestamp(milliseconds: time), value: value))
    }
    // The sampling interval is each member's, not that of the members' samples together.
    series.sampleCount = max(2, sampleCount / max(1, members))
    return series
  }
}
