import Analysis
import Formats
import Foundation
import Signals
import Testing

/// Bundles with nothing but metric dumps, as RCA datasets and a Prometheus export give them: the services
/// come from labels and column names, and container CPU and memory are evidence like any other.
@Suite("Metrics-only incidents")
struct MetricsOnlyTests {
  enum Fault: String, CaseIterable {
    case cpuHog, memoryLeak
  }

  static let services = [
    "adservice", "cartservice", "checkout", "currency", "email", "frontend", "payment", "catalog",
    "recommend", "redis", "shipping", "users",
  ]
  static let frontend = 5
  static let start: Int64 = 1_780_000_000
  static let seconds = 1200
  static let faultAt = 720

  /// A deterministic wobble per series.
  static func noise(_ t: Int, _ salt: Int) -> Double {
    var x = UInt64(truncatingIfNeeded: t &* 2_654_435_761 &+ salt &* 97_531)
    x ^= x >> 13
    x = x &* 0x5bd1_e995
    x ^= x >> 15
    return Double(x % 1000) / 1000 - 0.5
  }

  /// CPU (cores), memory (bytes) and p90 latency (s) of `service` at second `t`.
  static func sample(_ service: Int, _ t: Int, faulty: Int, fault: Fault) -> (Double, Double, Double) {
    var cpu = 0.05 + 0.01 * noise(t, service)
    var memory = (200 + Double(service) * 10 + 2 * noise(t, service + 50)) * 1_048_576
    var latency = 0.02 + 0.004 * noise(t, service + 100)
    // The front end calls everyone: it slows down too, more visibly than the hog itself.
    if fault == .cpuHog, service == frontend, service != faulty, t >= faultAt + 10 {
      latency = 0.4 + 0.03 * noise(t, service + 11)
    }
    if service == faulty, t >= faultAt {
      switch fault {
      case .cpuHog:
        cpu = 0.98 + 0.01 * noise(t, service + 7)
        latency = 0.15 + 0.02 * noise(t, service + 9)
      case .memoryLeak:
        memory += Double(t - faultAt) * 0.6 * 1_048_576
      }
    }
    return (cpu, memory, latency)
  }

  static func wideCSV(faulty: Int, fault: Fault) -> String {
    var text =
      "time," + services.flatMap { ["\($0)_cpu", "\($0)_mem", "\($0)_latency-90"] }.joined(separator: ",")
    for t in 0..<seconds {
      text += "\n\(start + Int64(t))"
      for index in services.indices {
        let (cpu, memory, latency) = sample(index, t, faulty: faulty, fault: fault)
        text += ",\(cpu),\(memory),\(latency)"
      }
    }
    return text + "\n"
  }

  /// Scrapes every 5 s as cAdvisor and a summary-exporting client library write them, with timestamps.
  static func exposition(faulty: Int, fault: Fault) -> String {
    var text = ""
    var cpuSeconds = [Double](repeating: 0, count: services.count)
    for t in stride(from: 0, to: seconds, by: 5) {
      let milliseconds = (start + Int64(t)) * 1000
      for (index, service) in services.enumerated() {
        let (cpu, memory, latency) = sample(index, t, faulty: faulty, fault: fault)
        cpuSeconds[index] += cpu * 5
        let pod = "\(service)-7d9f8c6b5-x2k4q"
        text +=
          "container_cpu_usage_seconds_total{container=\"\(service)\",pod=\"\(pod)\"} \(cpuSeconds[index]) \(milliseconds)\n"
        text +=
          "container_memory_working_set_bytes{container=\"\(service)\",pod=\"\(pod)\"} \(memory) \(milliseconds)\n"
        text +=
          "http_request_duration_seconds{service=\"\(service)\",quantile=\"0.9\"} \(latency) \(milliseconds)\n"
      }
    }
    return text
  }

  static func analyze(_ text: String, name: String) throws -> RCADocument {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let extraction = SignalExtractor.extract(paths: [path], options: ExtractionOptions())
    return IncidentAnalyzer.analyze(extraction, title: name).document
  }

  @Test(
    "a CPU hog or a memory leak in one container among a dozen, from a wide CSV: that service, resource saturation, though the front end slows down more",
    arguments: Fault.allCases, [2, 9])
  func wideCSV(fault: Fault, faulty: Int) throws {
    try Self.expectSaturation(
      of: faulty, in: Self.analyze(Self.wideCSV(faulty: faulty, fault: fault), name: "data.csv"))
  }

  @Test(
    "the same faults from cAdvisor counters and summary quantiles in a Prometheus exposition",
    arguments: Fault.allCases, [4, 11])
  func exposition(fault: Fault, faulty: Int) throws {
    try Self.expectSaturation(
      of: faulty, in: Self.analyze(Self.exposition(faulty: faulty, fault: fault), name: "scrapes.prom"))
  }

  /// The faulty service is the origin, saturated, from the fault's second (within one bucket).
  static func expectSaturation(of faulty: Int, in document: RCADocument) throws {
    #expect(document.rootCause.component == services[faulty])
    #expect(document.rootCause.kind == .resourceSaturation)
    let onset = try #require(Timestamp(rfc3339: document.rootCause.onset)).milliseconds / 1000
    #expect(abs(onset - (start + Int64(faultAt))) <= Int64(document.resolutionSeconds))
  }
}
