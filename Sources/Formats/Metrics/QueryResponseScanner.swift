/// A Prometheus API response read straight from its bytes: a 30 MB `query_range` document through
/// Foundation's decoder took 1.7 s and ten times its size in memory, for objects that are thrown away.
///
/// Only the well-formed, successful shape is read here (`status` `success`, a `matrix` or `vector` of
/// `{"metric":{…},"values":[[seconds,"value"],…]}`); anything else — an error, an escape in a label, a
/// damaged document — returns nil, and the decoder reads it, to say precisely what is wrong.
enum QueryResponseScanner {
  static func read(_ document: UnsafeRawBufferPointer) -> MetricDocument? {
    // A raw control byte makes the document invalid JSON wherever it stands: the decoder's path names it.
    guard !document.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
      return nil
    }
    var status: JSONValueRange?
    var data: JSONValueRange?
    guard
      JSONObjectScanner.forEachMember(
        in: document,
        { key, value in
          if key.count == 6, document.matches("status", at: key.lowerBound) { status = value }
          if key.count == 4, document.matches("data", at: key.lowerBound) { data = value }
        }),
      let status, status.isString, document.matches("success", at: status.range.lowerBound),
      status.range.count == 7, let data, !data.isString
    else { return nil }
    let body = UnsafeRawBufferPointer(rebasing: document[data.range])
    var resultType: JSONValueRange?
    var result: JSONValueRange?
    guard
      JSONObjectScanner.forEachMember(
        in: body,
        { key, value in
          if key.count == 10, body.matches("resultType", at: key.lowerBound) { resultType = value }
          if key.count == 6, body.matches("result", at: key.lowerBound) { result = value }
        }),
      let resultType, resultType.isString,
      body.matches("matrix", at: resultType.range.lowerBound)
        || body.matches("vector", at: resultType.range.lowerBound),
      let result, !result.isString
    else { return nil }
    var table = SeriesTable()
    var samples: [MetricSample] = []
    var complete = true
    let results = UnsafeRawBufferPointer(rebasing: body[result.range])
    let arrayComplete = JSONArrayScanner.forEachElement(in: results) { element in
      guard complete else { return }
      complete = read(UnsafeRawBufferPointer(rebasing: results[element]), into: &table, &samples)
    }
    guard arrayComplete, complete else { return nil }
    return MetricDocument(series: table.all, samples: samples)
  }

  /// One `{"metric":{…},"values":[…]}` (or `"value":[…]`) into `table` and `samples`; false to give up.
  private static func read(
    _ object: UnsafeRawBufferPointer, into table: inout SeriesTable, _ samples: inout [MetricSample]
  ) -> Bool {
    var metric: JSONValueRange?
    var values: JSONValueRange?
    var single: JSONValueRange?
    guard
      JSONObjectScanner.forEachMember(
        in: object,
        { key, value in
          if key.count == 6, object.matches("metric", at: key.lowerBound) { metric = value }
          if key.count == 6, object.matches("values", at: key.lowerBound) { values = value }
          if key.count == 5, object.matches("value", at: key.lowerBound) { single = value }
        }),
      let metric, !metric.isString,
      let identity = identity(UnsafeRawBufferPointer(rebasing: object[metric.range]))
    else { return false }
    let index = table.index(of: identity)
    if let values {
      let points = UnsafeRawBufferPointer(rebasing: object[values.range])
      var good = true
      let whole = JSONArrayScanner.forEachElement(in: points) { point in
        guard good, let sample = sample(UnsafeRawBufferPointer(rebasing: points[point]), series: index) else {
          good = false
          return
        }
        samples.append(sample)
      }
      return whole && good
    }
    guard let single,
      let sample = sample(UnsafeRawBufferPointer(rebasing: object[single.range]), series: index)
    else { return false }
    samples.append(sample)
    return true
  }

  /// `[1435781430.781,"1"]`: seconds, then the value as a string or a number.
  private static func sample(_ pair: UnsafeRawBufferPointer, series: Int) -> MetricSample? {
    var parts: [Range<Int>] = []
    var quoted: [Bool] = []
    guard
      JSONArrayScanner.forEachElement(
        in: pair,
        { element in
          var range = element
          let isString = pair[range.lowerBound] == ASCII.quote
          if isString { range = (range.lowerBound + 1)..<(range.upperBound - 1) }
          parts.append(range)
          quoted.append(isString)
        }), parts.count == 2, !quoted[0],
      let seconds = DecimalBytes.double(in: pair, parts[0]),
      let value = DecimalBytes.double(in: pair, parts[1])
    else { return nil }
    let milliseconds = (seconds * 1000).rounded()
    guard milliseconds.isFinite, abs(milliseconds) < 1e15 else { return nil }
    return MetricSample(series: series, time: Timestamp(milliseconds: Int64(milliseconds)), value: value)
  }

  /// The series of a `metric` object, as the decoder path builds it; nil when a key or value holds an escape.
  private static func identity(_ metric: UnsafeRawBufferPointer) -> MetricSeries? {
    var labels: [String: String] = [:]
    var plain = true
    guard
      JSONObjectScanner.forEachMember(
        in: metric,
        { key, value in
          guard value.isString,
            metric.index(of: ASCII.backslash, from: key.lowerBound, to: value.range.upperBound) == nil
          else {
            plain = false
            return
          }
          let text = { (range: Range<Int>) in
            String(decoding: UnsafeRawBufferPointer(rebasing: metric[range]), as: UTF8.self)
          }
          labels[text(key)] = text(value.range)
        }), plain
    else { return nil }
    return PrometheusQueryRangeParser.seriesIdentity(of: labels)
  }
}
