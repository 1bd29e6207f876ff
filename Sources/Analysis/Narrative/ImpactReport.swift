import Signals

/// Who was hurt and how badly: services with adverse latency or 5xx changes, and their peaks.
struct ImpactReport {
  let context: IncidentContext

  func impact() -> Impact {
    let onset = context.incidentOnset?.milliseconds ?? context.extraction.windowStart
    var services = Set<String>()
    for finding in context.symptoms {
      let key = context.signal(finding).key
      if [.errorRate, .latencyP90, .latencyP99, .latencyP50].contains(key.kind) {
        services.insert(key.component)
      }
    }
    var errors: [String: Double] = [:]
    var latency: [String: Double] = [:]
    for service in services {
      errors[service] = peak(context.signals(.errorRate, component: service), from: onset).map(
        Numbers.rounded)
      latency[service] = peak(context.signals(.latencyP90, component: service), from: onset).map(
        Numbers.rounded)
    }
    return Impact(
      services: services.sorted(), peakErrorRate: errors, peakLatencyP90Seconds: latency,
      durationSeconds: Int(max(0, context.extraction.windowEnd - onset) / 1000))
  }

  private func peak(_ signals: [Signal], from milliseconds: Int64) -> Double? {
    var best: Double?
    for signal in signals {
      for (index, value) in signal.values.enumerated()
      where !value.isNaN && signal.milliseconds(at: index) >= milliseconds {
        best = max(best ?? value, value)
      }
    }
    return best
  }
}
