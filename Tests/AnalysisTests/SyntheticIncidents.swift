import Signals

/// Hand-built extractions of incidents with other names, sizes and times than the samples, so the patterns
/// are tested for what they infer, not for one bundle.
enum SyntheticIncidents {
  static let step: Int64 = 10_000
  static let start: Int64 = 1_800_000_000_000
  static let count = 240

  /// A deterministic wobble so series are not perfectly flat.
  static func noise(_ index: Int, _ salt: Int, scale: Double) -> Double {
    var x = UInt64(truncatingIfNeeded: index &* 2_654_435_761 &+ salt &* 40_503)
    x ^= x >> 13
    x = x &* 0x5bd1_e995
    x ^= x >> 15
    return (Double(x % 1000) / 1000 - 0.5) * scale
  }

  static func signal(
    _ component: String, _ kind: SignalKind, subject: String? = nil, role: SignalRole, unit: String = "",
    step: Int64 = step, _ value: (Int) -> Double
  ) -> Signal {
    let points = Int(Int64(count) * SyntheticIncidents.step / step)
    return Signal(
      key: SignalKey(component: component, kind: kind, subject: subject),
      name: "\(component) \(kind.rawValue) \(subject ?? "")",
      unit: unit, role: role, startMilliseconds: start, stepMilliseconds: step,
      values: (0..<points).map(value), sources: ["\(component).log"])
  }

  static func extraction(_ signals: [Signal], services: [String]) -> Extraction {
    Extraction(
      windowStart: start, windowEnd: start + Int64(count) * step, stepMilliseconds: step, signals: signals,
      sources: [], discoveryErrors: [], processlist: nil, services: services)
  }

  /// `billing` leaks connections from bucket 100, the database saturates at 120, billing slows at 125 and
  /// `orders` (another client) fails from 126; `search` does not use the database and stays calm.
  static func exhaustion() -> Extraction {
    let limit = 400.0
    let services = ["billing", "orders", "search"]
    var signals: [Signal] = []
    for (salt, service) in services.enumerated() {
      signals.append(
        signal(service, .requestRate, role: .load, unit: "req/s") { 50 + noise($0, salt, scale: 4) })
    }
    signals.append(
      signal("billing", .latencyP90, role: .symptom, unit: "s") {
        $0 < 125 ? 0.2 + noise($0, 7, scale: 0.02) : 12 + noise($0, 8, scale: 1)
      })
    signals.append(signal("billing", .errorRate, role: .symptom, unit: "ratio") { $0 < 125 ? 0 : 0.4 })
    signals.append(
      signal("orders", .latencyP90, role: .symptom, unit: "s") { 0.1 + noise($0, 9, scale: 0.01) })
    signals.append(
      signal("orders", .errorRate, role: .symptom, unit: "ratio") {
        $0 < 126 ? 0 : 0.7 + noise($0, 10, scale: 0.05)
      })
    signals.append(
      signal("search", .latencyP90, role: .symptom, unit: "s") { 0.3 + noise($0, 11, scale: 0.03) })
    signals.append(signal("search", .errorRate, role: .symptom, unit: "ratio") { _ in 0 })
    let db = "postgres-primary"
    func billingConnections(_ i: Int) -> Double { i < 100 ? 20 : min(limit - 25, 20 + Double(i - 100) * 19) }
    signals.append(
      signal(db, .dbConnections, subject: "billing", role: .resource, step: 30_000) {
        billingConnections($0 * 3)
      })
    signals.append(signal(db, .dbConnections, subject: "orders", role: .resource, step: 30_000) { _ in 20 })
    signals.append(
      signal(db, .dbConnections, role: .resource, step: 30_000) {
        min(limit, billingConnections($0 * 3) + 25)
      })
    signals.append(signal(db, .dbMaxConnections, role: .resource) { _ in limit })
    return extraction(signals, services: services)
  }

  /// `search` slows down by itself at bucket 150; the database is busy but flat.
  static func lonelySlowdown() -> Extraction {
    let services = ["billing", "search"]
    var signals: [Signal] = []
    for (salt, service) in services.enumerated() {
      signals.append(
        signal(service, .requestRate, role: .load, unit: "req/s") { 80 + noise($0, salt, scale: 6) })
      signals.append(signal(service, .errorRate, role: .symptom, unit: "ratio") { _ in 0 })
    }
    signals.append(
      signal("search", .latencyP90, role: .symptom, unit: "s") {
        $0 < 150 ? 0.5 + noise($0, 3, scale: 0.05) : 4 + noise($0, 4, scale: 0.3)
      })
    signals.append(
      signal("billing", .latencyP90, role: .symptom, unit: "s") { 0.2 + noise($0, 5, scale: 0.02) })
    signals.append(
      signal("db", .dbConnections, role: .resource, step: 30_000) { 60 + noise($0, 6, scale: 2) })
    signals.append(signal("db", .dbMaxConnections, role: .resource) { _ in 500 })
    return extraction(signals, services: services)
  }

  /// Traffic triples at bucket 90 and `api` slows down right after.
  static func surge() -> Extraction {
    var signals: [Signal] = []
    signals.append(
      signal("api", .requestRate, role: .load, unit: "req/s") {
        $0 < 90 ? 100 + noise($0, 1, scale: 8) : 300 + noise($0, 2, scale: 20)
      })
    signals.append(
      signal("api", .latencyP90, role: .symptom, unit: "s") {
        $0 < 92 ? 0.3 + noise($0, 3, scale: 0.03) : 2 + noise($0, 4, scale: 0.2)
      })
    return extraction(signals, services: ["api"])
  }
}
