/// Values on fixed time buckets (epoch-aligned, so files aggregated apart line up when merged), growing in
/// either direction as records arrive; memory grows with the buckets spanned, never with the records.
struct BucketSeries<Value> {
  let stepMilliseconds: Int64
  private let empty: Value
  /// Bucket number (time / step) of `values[0]`.
  private(set) var firstBucket: Int64 = 0
  private(set) var values: [Value] = []

  init(stepMilliseconds: Int64, empty: Value) {
    self.stepMilliseconds = stepMilliseconds
    self.empty = empty
  }

  var isEmpty: Bool { values.isEmpty }
  var lastBucket: Int64 { firstBucket + Int64(values.count) - 1 }

  func bucket(of milliseconds: Int64) -> Int64 {
    milliseconds >= 0
      ? milliseconds / stepMilliseconds
      : (milliseconds - stepMilliseconds + 1) / stepMilliseconds
  }

  /// The value of bucket number `bucket`, or the empty value outside the series.
  subscript(bucket bucket: Int64) -> Value {
    let index = bucket - firstBucket
    return index >= 0 && index < Int64(values.count) ? values[Int(index)] : empty
  }

  /// Mutates the bucket holding `milliseconds`, creating the buckets between as empty.
  mutating func update<R>(at milliseconds: Int64, _ body: (inout Value) -> R) -> R {
    let bucket = bucket(of: milliseconds)
    return update(bucket: bucket, body)
  }

  mutating func update<R>(bucket: Int64, _ body: (inout Value) -> R) -> R {
    if values.isEmpty {
      firstBucket = bucket
      values.append(empty)
    } else if bucket < firstBucket {
      values.insert(contentsOf: repeatElement(empty, count: Int(firstBucket - bucket)), at: 0)
      firstBucket = bucket
    } else if bucket > lastBucket {
      values.append(contentsOf: repeatElement(empty, count: Int(bucket - lastBucket)))
    }
    return body(&values[Int(bucket - firstBucket)])
  }

  /// Combines `other` into this series bucket by bucket.
  mutating func merge(_ other: BucketSeries<Value>, _ combine: (inout Value, Value) -> Void) {
    for (offset, value) in other.values.enumerated() {
      update(bucket: other.firstBucket + Int64(offset)) { combine(&$0, value) }
    }
  }

  /// Values for buckets `from...to`, empty where the series has none.
  func values(from: Int64, through: Int64) -> [Value] {
    guard from <= through else { return [] }
    return (from...through).map { self[bucket: $0] }
  }
}
extension BucketSeries: Sendable where Value: Sendable {}
