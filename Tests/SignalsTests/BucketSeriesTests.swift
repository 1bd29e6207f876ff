import Testing

@testable import Signals

@Suite("Bucket series")
struct BucketSeriesTests {
  @Test("buckets are epoch-aligned and grow in both directions")
  func growsBothWays() {
    var series = BucketSeries<Int>(stepMilliseconds: 10_000, empty: 0)
    series.update(at: 25_000) { $0 += 1 }
    series.update(at: 5_000) { $0 += 2 }
    series.update(at: 41_000) { $0 += 3 }
    #expect(series.firstBucket == 0)
    #expect(series.values == [2, 0, 1, 0, 3])
    #expect(series[bucket: 9] == 0)
  }

  @Test("negative times fall into the bucket below, not toward zero")
  func negativeTimes() {
    let series = BucketSeries<Int>(stepMilliseconds: 10_000, empty: 0)
    #expect(series.bucket(of: -1) == -1)
    #expect(series.bucket(of: -10_000) == -1)
    #expect(series.bucket(of: -10_001) == -2)
  }

  @Test("merging adds bucket by bucket, whatever the order")
  func merging() {
    var a = BucketSeries<Int>(stepMilliseconds: 1_000, empty: 0)
    var b = BucketSeries<Int>(stepMilliseconds: 1_000, empty: 0)
    a.update(at: 3_000) { $0 += 1 }
    b.update(at: 1_000) { $0 += 5 }
    b.update(at: 3_500) { $0 += 2 }
    var ab = a
    ab.merge(b, +=)
    var ba = b
    ba.merge(a, +=)
    #expect(ab.values == [5, 0, 3])
    #expect(ab.values == ba.values && ab.firstBucket == ba.firstBucket)
  }
}
