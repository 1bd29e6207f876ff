import Testing

@testable import Formats

@Suite("Series rollup rules")
struct SeriesRollupRuleTests {
  /// The labels of `name{a="b",c="d"}` (the examples hold no commas or quotes in values).
  private func labels(_ example: String) -> [MetricSeries.Label] {
    let inner = example.drop { $0 != "{" }.dropFirst().dropLast()
    return inner.split(separator: ",").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1)
      return MetricSeries.Label(name: String(parts[0]), value: String(parts[1].dropFirst().dropLast()))
    }
  }

  @Test("every rule's example is rolled up by that rule and names no other rule's label")
  func examples() throws {
    for rule in SeriesRollup.rules {
      let labels = labels(rule.example)
      let rolled = try #require(SeriesRollup.labels(labels), "\(rule.example) is not rolled up")
      let others = SeriesRollup.rules.filter { $0.label != rule.label }.map(\.label)
      #expect(!labels.contains { others.contains($0.name) }, "\(rule.example) names another rule's label")
      switch rule.action {
      case .drop: #expect(!rolled.contains { $0.name == rule.label })
      case .workload:
        let value = try #require(rolled.first { $0.name == rule.label }?.value)
        #expect(value == "cart", "\(rule.example): \(value)")
      }
    }
  }

  @Test("pod names are cut to their workload; names without a pod suffix stay whole")
  func workloads() {
    #expect(ServiceName.workload(ofPod: "shipping-6c8d9f7b54-2xkqp") == "shipping")
    #expect(ServiceName.workload(ofPod: "mysql-0") == "mysql")
    #expect(ServiceName.workload(ofPod: "fluentd-x7k2p") == "fluentd")
    #expect(ServiceName.workload(ofPod: "payment-api") == "payment-api")
    #expect(SeriesRollup.labels([MetricSeries.Label(name: "pod", value: "payment-api")]) == nil)
  }

  @Test("a dump's replicas share one series and their members are told apart")
  func rollupTable() throws {
    let lines = [
      #"{__name__="up", instance="10.0.0.1:80", job="cart", pod="cart-7d9f8c6b5-x2k9p"} 1 0"#,
      #"{__name__="up", instance="10.0.0.2:80", job="cart", pod="cart-7d9f8c6b5-bq4zt"} 1 0"#,
      #"{__name__="up", job="lonely"} 1 0"#,
      #"{__name__="up", instance="10.0.0.1:80", job="cart", pod="cart-7d9f8c6b5-x2k9p"} 1 15000"#,
    ]
    var parser = PromtoolDumpParser(context: ParserContext(path: "dump.txt", options: ReadOptions()))
    var samples: [MetricSample] = []
    for (index, line) in lines.enumerated() {
      let record = Array(line.utf8).withUnsafeBytes { parser.parse($0, number: index + 1) }
      guard case .sample(let sample) = record else {
        Issue.record("line \(index + 1): \(record)")
        continue
      }
      samples.append(sample)
    }
    #expect(samples.map(\.series) == [0, 0, 1, 0])
    #expect(samples.map(\.member) == [0, 1, -1, 0])
    #expect(samples.map(\.leads) == [true, false, true, true])
    let cart = parser.series[0]
    #expect(cart.label("pod") == "cart-7d9f8c6b5-x2k9p", "the group is named by its first member")
    #expect(cart.rollup?.members == 2)
    #expect(cart.rolledUp?.labels == [.init(name: "job", value: "cart"), .init(name: "pod", value: "cart")])
    #expect(parser.series[1].rollup == nil)
  }
}
