import Detect
import Signals

/// Offered load across all services: the series a surge shows on, and the measurement that rules one out.
struct Traffic {
  let context: IncidentContext

  /// A load change smaller than this fraction is not a surge, whatever the detector says.
  static let surgeFraction = 0.3

  /// The mesh's request counter: complete even when access logs are sampled.
  static let meshCounter = "istio_requests_total"

  /// A sustained rise of the total request rate.
  struct Surge {
    var milliseconds: Int64
    var uncertaintyMilliseconds: Int64
    var before: Double
    var after: Double
    var effectSize: Double
  }

  /// Total request rate per bucket: the mesh's request counter when a metric dump has it, else one access-log
  /// source per service (a proxy and nginx would double count), conduits' own counts left out when they
  /// route to services that have their own.
  var total: Signal? {
    let mesh =
      context.signals(.metric).filter { $0.key.source?.hasPrefix(Self.meshCounter + "{") == true }
      + context.signals(.requestRate).filter { $0.key.source?.hasPrefix(Self.meshCounter + "{") == true }
    if let first = mesh.first, mesh.allSatisfy({ $0.stepMilliseconds == first.stepMilliseconds }) {
      return sum(mesh, name: "total request rate (\(Self.meshCounter))")
    }
    var chosen: [String: Signal] = [:]
    for signal in context.signals(.requestRate)
    where chosen[signal.key.component] == nil && signal.client == nil && signal.resource == nil {
      chosen[signal.key.component] = signal
    }
    return sum(chosen.values.sorted { $0.key < $1.key }, name: "total request rate (access logs)")
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
  var surge: Surge? {
    guard let total else { return nil }
    let point = ChangePointDetector.operational.detect(total.values).first { point in
      point.direction == .up && point.after - point.before >= Self.surgeFraction * max(point.before, 1e-9)
        && point.effectSize >= FindingDetector.minimumEffectSize
    }
    return point.map {
      Surge(
        milliseconds: total.milliseconds(at: $0.index), uncertaintyMilliseconds: total.stepMilliseconds,
        before: $0.before, after: $0.after, effectSize: $0.effectSize)
    }
  }
}
