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

  /// Adds one request; `example` is called only for a 5xx that is the first of its bucket.
  mutating func add(_ record: AccessRecord, example: () -> ExampleLine) {
    buckets.update(at: record.time.milliseconds) { bucket in
      bucket.requests += 1
      if record.status >= 500 {
        bucket.serverErrors += 1
        if bucket.firstServerError == nil { bucket.firstServerError = example() }
      }
      let milliseconds = UInt64(max(1, min(record.durationMilliseconds.rounded(), 8.64e7)))
      if bucket.latency == nil {
        bucket.latency = Histogram(
          lowestDiscernibleValue: 1, highestTrackableValue: Self.highestTrackableMilliseconds,
          numberOfSignificantValueDigits: .two)
      }
      _ = bucket.latency!.record(milliseconds)
    }
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
