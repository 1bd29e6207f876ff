import Testing

@testable import Signals

@Suite("histogram_quantile")
struct HistogramQuantileTests {
  /// 100 requests: 50 under 0.1 s, 40 between 0.1 and 0.5 s, 8 between 0.5 and 1 s, 2 slower.
  let buckets: [(upperBound: Double, count: Double)] = [(0.1, 50), (0.5, 90), (1, 98), (.infinity, 100)]

  @Test("interpolates inside the bucket the rank falls in, as PromQL does")
  func handComputed() {
    // p50: rank 50 is the top of the first bucket: 0 + 0.1 · 50/50.
    #expect(HistogramQuantile.value(0.5, buckets: buckets) == 0.1)
    // p90: rank 90 ends the second bucket: 0.1 + 0.4 · (90 − 50)/40 = 0.5.
    #expect(abs(HistogramQuantile.value(0.9, buckets: buckets) - 0.5) < 1e-12)
    // p95: rank 95 in (0.5, 1]: 0.5 + 0.5 · (95 − 90)/8 = 0.8125.
    #expect(abs(HistogramQuantile.value(0.95, buckets: buckets) - 0.8125) < 1e-12)
    // p99: rank 99 falls in +Inf: the highest finite bound.
    #expect(HistogramQuantile.value(0.99, buckets: buckets) == 1)
  }

  @Test("no observations, no +Inf bucket or a bad quantile give NaN; counts are made monotone")
  func edges() {
    #expect(HistogramQuantile.value(0.5, buckets: [(0.1, 0), (.infinity, 0)]).isNaN)
    #expect(HistogramQuantile.value(0.5, buckets: [(0.1, 5), (1, 10)]).isNaN)
    #expect(HistogramQuantile.value(1.5, buckets: buckets).isNaN)
    let skewed: [(upperBound: Double, count: Double)] = [(1, 10), (2, 8), (.infinity, 10)]
    #expect(HistogramQuantile.value(0.5, buckets: skewed) == 0.5)
  }
}
