import Foundation
import Signals
import Testing

/// A whole Prometheus rolled up to its services: replicas summed (counters as summed rates), a lone series
/// left exactly as it was, and the rollup said in the extraction's notes.
@Suite("Series rolled up to their service")
struct SeriesRollupTests {
  /// 2026-11-27 03:00:00 UTC, in epoch milliseconds.
  static let start: Int64 = 1_795_748_400_000

  /// Three cart pods for five minutes, scraped every 15 s: CPU counters at 1, 2 and 3 cores, memory gauges of
  /// 100, 200 and 300 MB; one checkout pod alone; text exposition or promtool dump spelling.
  static func scrapes(dump: Bool) -> String {
    let pods = ["cart-7d9f8c6b5-x2k9p", "cart-7d9f8c6b5-bq4zt", "cart-7d9f8c6b5-wl7nd"]
    var lines: [String] = []
    func line(_ name: String, _ labels: String, _ value: Double, _ time: Int64) -> String {
      dump ? #"{__name__="\#(name)", \#(labels)} \#(value) \#(time)"# : "\(name){\(labels)} \(value) \(time)"
    }
    for scrape in 0..<20 {
      let time = start + Int64(scrape) * 15_000
      let seconds = Double(scrape * 15)
      for (index, pod) in pods.enumerated() {
        let labels = #"instance="10.0.0.\#(index):9100",job="cart",pod="\#(pod)""#
        lines.append(line("container_cpu_usage_seconds_total", labels, seconds * Double(index + 1), time))
        lines.append(line("container_memory_working_set_bytes", labels, Double(index + 1) * 1e8, time))
      }
      lines.append(
        line(
          "container_memory_working_set_bytes", #"instance="10.0.1.1:9100",job="checkout",pod="checkout-0""#,
          5e7,
          time))
    }
    if !dump { lines.insert("# TYPE container_cpu_usage_seconds_total counter", at: 0) }
    return lines.joined(separator: "\n") + "\n"
  }

  private func extract(_ text: String, name: String) throws -> Extraction {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    return SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
  }

  @Test(
    "replicas' counters become one rate, the sum of theirs; gauges their total", arguments: [false, true])
  func replicasSummed(dump: Bool) throws {
    let extraction = try extract(Self.scrapes(dump: dump), name: dump ? "dump.txt" : "scrape.prom")
    let cart = extraction.signals.filter { $0.name.hasPrefix("container_") && $0.name.contains("job=cart") }
    #expect(cart.count == 2, "one signal per family, not one per pod: \(cart.map(\.name))")
    #expect(!cart.contains { $0.name.contains("instance") || $0.name.contains("x2k9p") })
    let cpu = try #require(cart.first { $0.name.hasPrefix("container_cpu_usage_seconds_total") })
    let rates = cpu.values.filter { !$0.isNaN }
    #expect(!rates.isEmpty && rates.allSatisfy { abs($0 - 6) < 1e-9 }, "1 + 2 + 3 cores: \(rates)")
    let memory = try #require(cart.first { $0.name.hasPrefix("container_memory_working_set_bytes") })
    let totals = memory.values.filter { !$0.isNaN }
    // Memory is given in MB (`MetricVocabulary`): 100 + 200 + 300 MB of bytes.
    #expect(!totals.isEmpty && totals.allSatisfy { abs($0 - 6e8 / 1_048_576) < 1e-6 }, "\(totals)")
    #expect(extraction.notes.contains { $0.contains("6 metric series") && $0.contains("2 series") })
  }

  @Test("a series with no replicas stays itself, labels and all")
  func loneSeriesKept() throws {
    let extraction = try extract(Self.scrapes(dump: false), name: "scrape.prom")
    let checkout = try #require(extraction.signals.first { $0.name.contains("job=checkout") })
    #expect(checkout.name.contains("instance=10.0.1.1:9100") && checkout.name.contains("pod=checkout-0"))
    #expect(checkout.values.filter { !$0.isNaN }.allSatisfy { abs($0 - 5e7 / 1_048_576) < 1e-6 })
  }
}
