import Signals

/// Synthetic incidents for the root-cause engine's decoys: names chosen so that blaming the alphabetically
/// first, the earliest by a bucket, or the proxy in front would each be wrong.
enum EngineIncidents {
  typealias S = SyntheticIncidents

  static func with(_ signal: Signal, client: String? = nil, resource: String? = nil) -> Signal {
    var signal = signal
    signal.client = client
    signal.resource = resource
    return signal
  }

  /// `caller` calls `callee` (a mesh counter with `source_workload` says so); both slow down in the same
  /// bucket because the callee did.
  static func callerAndCallee(caller: String, callee: String) -> Extraction {
    var signals: [Signal] = []
    for (salt, service) in [caller, callee].enumerated() {
      signals.append(S.signal(service, .errorRate, role: .symptom, unit: "ratio") { _ in 0 })
      signals.append(
        S.signal(service, .requestRate, role: .load, unit: "req/s") { 40 + S.noise($0, salt, scale: 3) })
    }
    signals.append(
      with(
        S.signal(callee, .requestRate, subject: "from \(caller)", role: .load, unit: "req/s") {
          40 + S.noise($0, 5, scale: 3)
        }, client: caller))
    signals.append(
      S.signal(callee, .latencyP90, role: .symptom, unit: "s") {
        $0 < 140 ? 0.08 + S.noise($0, 6, scale: 0.01) : 2.5 + S.noise($0, 7, scale: 0.2)
      })
    signals.append(
      S.signal(caller, .latencyP90, role: .symptom, unit: "s") {
        $0 < 140 ? 0.12 + S.noise($0, 8, scale: 0.01) : 2.7 + S.noise($0, 9, scale: 0.2)
      })
    return S.extraction(signals, services: [caller, callee].sorted())
  }

  /// An edge proxy returns 5xx only on the routes of one upstream; the upstreams log nothing themselves.
  static func proxyInFront(proxy: String, failing: String, healthy: String) -> Extraction {
    var signals: [Signal] = [
      S.signal(proxy, .requestRate, role: .load, unit: "req/s") { 100 + S.noise($0, 1, scale: 6) },
      S.signal(proxy, .errorRate, role: .symptom, unit: "ratio") { $0 < 150 ? 0 : 0.3 },
      S.signal(proxy, .latencyP90, role: .symptom, unit: "s") { 0.05 + S.noise($0, 2, scale: 0.005) },
    ]
    for (salt, upstream) in [failing, healthy].enumerated() {
      signals.append(
        with(
          S.signal(proxy, .requestRate, subject: "upstream=\(upstream)", role: .load, unit: "req/s") {
            50 + S.noise($0, 10 + salt, scale: 4)
          }, resource: upstream))
      signals.append(
        with(
          S.signal(proxy, .errorRate, subject: "upstream=\(upstream)", role: .symptom, unit: "ratio") {
            upstream == failing && $0 >= 150 ? 0.6 : 0
          }, resource: upstream))
    }
    return S.extraction(signals, services: [proxy])
  }

  /// A p99 that hops between two adjacent histogram buckets (5 ms and 9 ms), more often on the upper one
  /// in the second half: a shift in the detector's eyes, nobody's incident.
  static func bucketHopping() -> Extraction {
    let hop = { (index: Int, upperShare: Int) -> Double in
      (index &* 7919 % 10) < upperShare ? 0.009 : 0.005
    }
    let signals = [
      S.signal("api", .latencyP99, role: .symptom, unit: "s") { $0 < 120 ? hop($0, 2) : hop($0, 8) },
      S.signal("api", .latencyP90, role: .symptom, unit: "s") { _ in 0.004 },
      S.signal("api", .requestRate, role: .load, unit: "req/s") { 200 + S.noise($0, 3, scale: 10) },
      S.signal("api", .errorRate, role: .symptom, unit: "ratio") { _ in 0 },
    ]
    return S.extraction(signals, services: ["api"])
  }

  /// A dozen services whose series wobble and never change.
  static func quiet() -> Extraction {
    var signals: [Signal] = []
    for index in 0..<12 {
      let service = "svc-\(index)"
      signals.append(
        S.signal(service, .latencyP90, role: .symptom, unit: "s") { 0.1 + S.noise($0, index, scale: 0.01) })
      signals.append(
        S.signal(service, .requestRate, role: .load, unit: "req/s") { 30 + S.noise($0, index + 20, scale: 2) }
      )
      signals.append(
        S.signal(service, .cpuUsage, role: .resource, unit: "cores") {
          0.2 + S.noise($0, index + 40, scale: 0.02)
        })
    }
    return S.extraction(signals, services: [])
  }
}
