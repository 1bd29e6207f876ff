import Foundation
import Signals
import Testing

/// What metric dumps become as signals: counters as rates across resets, histograms as quantiles.
@Suite("Metric dumps as signals")
struct MetricSemanticsTests {
  /// 2026-11-27 03:00:00 UTC, in epoch milliseconds.
  static let start: Int64 = 1_795_748_400_000

  /// Ten minutes of scrapes every 10 s: shipping's requests (a counter that restarts at 05:00 with the pod)
  /// and its request durations, fast until 03:05 and slow after.
  static func scrapes() -> String {
    var lines = [
      "# TYPE istio_requests_total counter",
      "# TYPE istio_request_duration_milliseconds histogram",
    ]
    let bounds = ["100", "500", "1000", "5000", "+Inf"]
    var requests = 0.0
    var cumulative = [Double](repeating: 0, count: bounds.count)
    for scrape in 0...60 {
      let time = start + Int64(scrape) * 10_000
      requests = scrape == 30 ? 20 : requests + 200  // the pod restarted: its counter begins again
      lines.append(#"istio_requests_total{destination_workload="shipping"} \#(requests) \#(time)"#)
      // 20 requests a second: fast ones under 100 ms before 03:05, between 1 and 5 s after.
      let slow = scrape > 30
      for index in bounds.indices {
        let reaches = slow ? index >= 3 : true
        if scrape > 0, reaches { cumulative[index] += 200 }
        lines.append(
          #"istio_request_duration_milliseconds_bucket{destination_workload="shipping",le="\#(bounds[index])"} "#
            + "\(cumulative[index]) \(time)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("a counter reset reads as the new counter's increase, never as a negative or huge rate")
  func counterReset() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.scrapes().utf8).write(to: directory.appendingPathComponent("scrapes.prom"))
    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    let rate = try #require(extraction.signals.first { $0.name.hasPrefix("istio_requests_total") })
    let values = rate.values.filter { !$0.isNaN }
    #expect(values.count >= 55)
    #expect(values.filter { $0 == 20 }.count == values.count - 1)  // 200 requests in 10 s
    #expect(values.contains(2))  // the restart: 20 requests since it, not −3980
  }

  @Test("histogram buckets become p50/p90/p99 latency signals of the service, in seconds")
  func histogramQuantiles() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.scrapes().utf8).write(to: directory.appendingPathComponent("scrapes.prom"))
    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    #expect(!extraction.signals.contains { $0.name.contains("_bucket") })
    let p90 = try #require(extraction.signals.first { $0.key.kind == .latencyP90 })
    #expect(p90.key.component == "shipping")
    #expect(p90.unit == "s")
    #expect(p90.name == "istio_request_duration_milliseconds p90 {destination_workload=shipping}")
    let present = p90.values.filter { !$0.isNaN }
    // Before 03:05 every request is under 100 ms: p90 interpolates to 0.09 s. After, all are in (1, 5] s:
    // 1 + 4 · 0.9 = 4.6 s.
    #expect(abs(present.first! - 0.09) < 1e-9)
    #expect(abs(present.last! - 4.6) < 1e-9)
  }
}
