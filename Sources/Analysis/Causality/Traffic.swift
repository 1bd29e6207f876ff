import Detect
import Signals

/// Offered load across all services: a surge before the first symptom explains it; flat traffic is ruled out.
struct Traffic {
  let context: IncidentContext

  /// A load change smaller than this fraction is not a surge, whatever the detector says.
  static let surgeFraction = 0.3

  /// The mesh's request counter: complete even when access logs are sampled.
  static let meshCounter = "istio_requests_total"

  /// Total request rate per bucket: the mesh's request counter when a metric dump has it, else one access-log
  /// source per service (a proxy and nginx would double count).
  var total: Signal? {
    let mesh = context.signals(.metric).filter { $0.key.source?.hasPrefix(Self.meshCounter + "{") == true }
    if let first = mesh.first, mesh.allSatisfy({ $0.stepMilliseconds == first.stepMilliseconds }) {
      return sum(mesh, name: "total request rate (\(Self.meshCounter))")
    }
    var chosen: [String: Signal] = [:]
    for signal in context.signals(.requestRate) where chosen[signal.key.component] == nil {
      chosen[signal.key.component] = signal
    }
    return sum(chosen.keys.sorted().map { chosen[$0]! }, name: "total request rate (access logs)")
  }

  private func sum(_ signals: [Signal], name: String) -> Signal? {
    guard let first = signals.first else { return nil }
    var values = [Double](repeating: .nan, count: first.values.count)
    for signal in signals
    where signal.values.count == values.count && signal.startMilliseconds == first.startMilliseconds {
      for (index, value) in signal.values.enumerated() where !value.isNaN {
        values[index] = (values[index].isNaN ? 0 : values[index]) + value
      }
    }
    return Signal(
      key: SignalKey(component: "all services", kind: .requestRate), name: name, unit: "req/s",
      role: .load, startMilliseconds: first.startMilliseconds, stepMilliseconds: first.stepMilliseconds,
      values: values, sources: Array(Set(signals.flatMap(\.sources))).sorted())
  }

  /// Mean total rate before and after `milliseconds`.
  func levels(around milliseconds: Int64) -> (before: Double, after: Double)? {
    guard let total else { return nil }
    var before: [Double] = []
    var after: [Double] = []
    for (index, value) in total.values.enumerated() where !value.isNaN {
      if total.milliseconds(at: index) < milliseconds { before.append(value) } else { after.append(value) }
    }
    guard !before.isEmpty, !after.isEmpty else { return nil }
    return (before.reduce(0, +) / Double(before.count), after.reduce(0, +) / Double(after.count))
  }

  /// The first sustained rise of total traffic by at least `surgeFraction`, if any.
  var surge: ChangePoint? {
    guard let total else { return nil }
    return ChangePointDetector.operational.detect(total.values).first { point in
      point.direction == .up && point.after - point.before >= Self.surgeFraction * max(point.before, 1e-9)
        && point.effectSize >= FindingDetector.minimumEffectSize
    }
  }

  func hypothesis() -> Hypothesis? {
    guard let total, let surge, let onset = context.incidentOnset else { return nil }
    let milliseconds = total.milliseconds(at: surge.index)
    guard milliseconds <= onset.milliseconds + onset.uncertaintyMilliseconds else { return nil }
    let finding = Finding(
      signal: -1, change: .rise, milliseconds: milliseconds, uncertaintyMilliseconds: total.stepMilliseconds,
      before: surge.before, after: surge.after, effectSize: surge.effectSize, changeMilliseconds: milliseconds
    )
    let link = CausalLink(
      component: "all services", role: "cause",
      symptom: "traffic rises from \(Numbers.text(surge.before)) to \(Numbers.text(surge.after)) req/s",
      signal: total.name, signalKind: .requestRate, onset: UTC.format(milliseconds),
      before: Numbers.rounded(surge.before), after: Numbers.rounded(surge.after), unit: total.unit,
      evidence: [EvidenceFactory.change(finding, of: total)])
    return Hypothesis(
      component: "all services", kind: .trafficSurge, resource: nil, onsetMilliseconds: milliseconds,
      confidence: min(0.9, 0.5 + 0.1 * min(4, surge.effectSize / FindingDetector.minimumEffectSize)),
      summary:
        "Traffic surge: total request rate rose \(Numbers.percent(surge.after / surge.before - 1)) before the first symptom.",
      chain: [link], chartedSignals: [])
  }
}
