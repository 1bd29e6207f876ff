import Formats
import Testing

@testable import Signals

@Suite("Metric vocabulary")
struct MetricVocabularyTests {
  /// `name{a="x",b="y"}` as a series.
  static func series(_ text: String) -> MetricSeries {
    guard let brace = text.firstIndex(of: "{") else {
      return MetricSeries(name: text, labels: [], kind: .untyped)
    }
    let name = String(text[..<brace])
    let body = text[text.index(after: brace)..<text.index(before: text.endIndex)]
    let labels = body.split(separator: ",").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1)
      return MetricSeries.Label(name: String(parts[0]), value: String(parts[1].dropFirst().dropLast()))
    }
    return MetricSeries(name: name, labels: labels, kind: .untyped)
  }

  @Test("every row's example maps to that row and to no other")
  func examplesMapToTheirOwnRow() throws {
    for (index, row) in MetricVocabulary.rows.enumerated() {
      let example = Self.series(row.example)
      let matched = try #require(MetricVocabulary.row(for: example.name), "\(row.example) matches no row")
      #expect(matched.row.match == row.match, "\(row.example) matches \(matched.row.match), not row \(index)")
      let others = MetricVocabulary.rows.indices.filter { other in
        other != index && MetricVocabulary.rows[other].match == row.match
      }
      #expect(others.isEmpty, "\(row.example): the same name is listed twice")
      #expect(MetricVocabulary.meaning(of: example).kind == row.kind)
    }
  }

  @Test("wide CSV columns name their service before the suffix, the longest suffix winning")
  func wideColumns() {
    let latency = MetricVocabulary.meaning(of: Self.series("ts-route-service_latency-90"))
    #expect(latency.component == "ts-route-service")
    #expect(latency.kind == .latencyP90)
    let memory = MetricVocabulary.meaning(of: Self.series("carts-db_mem"))
    #expect(memory.component == "carts-db")
    #expect(memory.kind == .memoryUsage)
  }

  @Test("container series name their container, a pod less its hash; the pause container is no service")
  func containerLabels() {
    let cpu = MetricVocabulary.meaning(
      of: Self.series("container_cpu_usage_seconds_total{container=\"POD\",pod=\"carts-7d9f8c6b5-x2k4q\"}"))
    #expect(cpu.component == "carts")
    #expect(cpu.unit == "cores")
    let memory = MetricVocabulary.meaning(
      of: Self.series("container_memory_working_set_bytes{container=\"orders\"}"))
    #expect(memory.component == "orders")
    #expect(memory.scale == MetricVocabulary.megabyte)
  }

  @Test("a mesh counter names its caller as the client; summaries' quantiles are latencies")
  func callersAndSummaries() {
    let mesh = MetricVocabulary.meaning(
      of: Self.series(
        "istio_requests_total{destination_workload=\"reviews\",source_workload=\"productpage\"}"))
    #expect(mesh.component == "reviews")
    #expect(mesh.client == "productpage")
    let p90 = MetricVocabulary.meaning(
      of: Self.series("http_request_duration_milliseconds{quantile=\"0.9\",service=\"cart\"}"))
    #expect(p90.kind == .latencyP90)
    #expect(p90.component == "cart")
    #expect(p90.scale == 0.001)
    let other = MetricVocabulary.meaning(
      of: Self.series("rpc_queue_depth{quantile=\"0.9\",service=\"cart\"}"))
    #expect(other.kind == .metric)
  }
}
