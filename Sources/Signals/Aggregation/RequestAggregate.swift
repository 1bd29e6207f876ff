import Formats
import Histogram

/// Requests of one service as one access-log format saw them: counts, 5xx and a latency histogram per bucket.
struct RequestAggregate: Sendable {
  struct Bucket: Sendable {
    var requests: Int32 = 0
    var serverErrors: Int32 = 0
    /// Latency in milliseconds; 2 significant digits keep a bucket's histogram at a few KB.
    var latency: Histogram<UInt32>?
    /// The first 5xx line in the bucket, so the report can cite one near any onset.
    var firstServerError: ExampleLine?
  }

  static let highestTrackableMilliseconds: UInt64 = 24 * 3_600_000

  private(set) var buckets: BucketSeries<Bucket>

  init(stepMilliseconds: Int64) {
    buckets = BucketSeries(stepMilliseconds: stepMilliseconds, empty: Bucket())
  }

  /// Adds one request; true for a 5xx that is the first of its bucket, which `cite(_:)` should then be given,
  /// so that the caller builds an example only then.
  mutating func add(_ record: AccessRecord) -> Bool {
    var wantsExample = false
    buckets.update(at: record.time.milliseconds) { bucket in
      bucket.requests += 1
      if record.status >= 500 {
        bucket.serverErrors += 1
        wantsExample = bucket.firstServerError == nil
      }
      let milliseconds = UInt64(max(1, min(record.durationMilliseconds.rounded(), 8.64e7)))
      if bucket.latency == nil {
        bucket.latency = Histogram(
          lowestDiscernibleValue: 1, highestTrackableValue: Self.highestTrackableMilliseconds,
          numberOfSignificantValueDigits: .two)
      }
      _ = bucket.latency!.record(milliseconds)
    }
    return wantsExample
  }

  /// Keeps `example` as the first 5xx of its bucket.
  mutating func cite(_ example: ExampleLine) {
    buckets.update(at: example.milliseconds) { $0.firstServerError = $0.firstServerError ?? example }
  }

  mutating func merge(_ other: RequestAggregate) {
    buckets.merge(other.buckets) { mine, theirs in
      mine.requests += theirs.requests
      mine.serverErrors += theirs.serverErrors
      if let histogram = theirs.latency {
        if mine.latency == nil { mine.latency = histogram } else { mine.latency!.add(histogram) }
      }
      if let example = theirs.firstServerError,
        mine.firstServerError.map({ example.milliseconds < $0.milliseconds }) ?? true
      {
        mine.firstServerError = example
      }
    }
  }
}
