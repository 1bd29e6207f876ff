import Testing

@testable import Formats
@testable import Signals

@Suite("Runtime metric vocabulary")
struct RuntimeMetricVocabularyTests {
  /// `name{a="b",c="d"}` as a series (the examples hold no commas or quotes in values).
  static func series(_ example: String) -> MetricSeries {
    let name = String(example.prefix { $0 != "{" })
    let inner = example.drop { $0 != "{" }.dropFirst().dropLast()
    let labels = inner.split(separator: ",").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1)
      return MetricSeries.Label(name: String(parts[0]), value: String(parts[1].dropFirst().dropLast()))
    }
    return MetricSeries(name: name, labels: labels, kind: .inferred(name: name, labels: labels))
  }

  @Test("every row's example maps to that row and no other, with the service its labels name")
  func examples() throws {
    for row in RuntimeMetricVocabulary.rows {
      let series = Self.series(row.example)
      #expect(MetricVocabulary.row(for: series.name) == nil, "\(row.name) is also a row of MetricVocabulary")
      let matching = RuntimeMetricVocabulary.rows(matching: series.name)
      #expect(
        matching.count == 1 && matching.first?.name == row.name, "\(row.example): \(matching.map(\.name))")
      let meaning = try #require(MetricVocabulary.meaning(of: series), "\(row.example)")
      #expect(meaning.kind == row.kind && meaning.unit == row.unit && meaning.isCounter == row.isCounter)
      let expected = row.scope == .node ? "node-1" : "cart"
      #expect(meaning.component == expected, "\(row.example): \(meaning.component)")
    }
  }

  @Test("the pod cgroup and the pause container are not a service's CPU")
  func podTotalsLeftOut() {
    let total = Self.series(
      #"container_cpu_cfs_throttled_periods_total{id="/kubepods/burstable/pod0d4c",pod="cart-0"}"#)
    let pause = Self.series(#"container_cpu_cfs_throttled_periods_total{container="POD",pod="cart-0"}"#)
    #expect(MetricVocabulary.meaning(of: total).kind == .metric)
    #expect(MetricVocabulary.meaning(of: pause).kind == .metric)
  }

  @Test("a container named `app` is its pod's workload's")
  func podWorkload() {
    let series = Self.series(#"container_memory_rss{container="app",pod="cart-7d9f8c6b5-x2k9p"}"#)
    #expect(MetricVocabulary.meaning(of: series).component == "cart")
    #expect(MetricVocabulary.meaning(of: series).kind == .memoryUsage)
  }
}
