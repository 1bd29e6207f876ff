extension SignalBuilder {
  /// Each service's failed outbound calls per target host, in events per second: `component` the calling
  /// service, `resource` the host, the lines that say so as examples; and its change markers (`changes`, role
  /// `.change`) by the version they name, cited.
  func outboundSignals() -> [Signal] {
    let range = buckets(step: step)
    let seconds = Double(step) / 1000
    var signals: [Signal] = []
    for (service, logs) in aggregate.logs.sorted(by: { $0.key < $1.key })
    where !logs.outbound.targets.isEmpty || !logs.changes.markers.isEmpty {
      var first = Int64.max
      var last = Int64.min
      for series in logs.levels where !series.isEmpty {
        first = min(first, series.firstBucket)
        last = max(last, series.lastBucket)
      }
      guard first <= last else { continue }
      let covered = Self.whole(first...last)
      for target in logs.outbound.targets.sorted(by: { $0.host < $1.host }) {
        signals.append(
          Signal(
            key: SignalKey(component: service, kind: .outboundErrors, subject: target.host),
            name: "\(service) outbound calls to \(target.host) failing (\(target.failure.rawValue))",
            unit: "errors/s", role: .symptom, startMilliseconds: range.lowerBound * step,
            stepMilliseconds: step,
            values: range.map { covered.contains($0) ? Double(target.counts[bucket: $0]) / seconds : .nan },
            sources: (aggregate.paths[service] ?? []).sorted(), examples: target.examples,
            firstSeenMilliseconds: target.examples.first?.milliseconds, client: service, resource: target.host
          ))
      }
      for marker in logs.changes.markers {
        signals.append(
          Signal(
            key: SignalKey(component: service, kind: .changes, subject: marker.subject),
            name:
              "\(service) \(marker.subject == "restart" ? "restart" : "start of \(marker.subject)") (log)",
            unit: "events/s", role: .change, startMilliseconds: range.lowerBound * step,
            stepMilliseconds: step,
            values: range.map { covered.contains($0) ? Double(marker.counts[bucket: $0]) / seconds : .nan },
            sources: (aggregate.paths[service] ?? []).sorted(), examples: marker.examples,
            firstSeenMilliseconds: marker.examples.first?.milliseconds))
      }
    }
    return signals
  }
}
