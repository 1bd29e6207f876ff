/// Which labels tell replicas of one service apart, so that a whole Prometheus's series roll up to the
/// service: a million series from two thousand pods become the few thousand a service exports.
///
/// A row per label, with a series that shows it; `Tests/FormatsTests/SeriesRollupTests` walks the rows.
public enum SeriesRollup {
  public enum Action: Sendable, Equatable {
    /// The label goes: it names the scrape target or the replica.
    case drop
    /// The value is cut to the pod's workload (`shipping-6c8d9f7b54-2xkqp` → `shipping`).
    case workload
  }

  public struct Rule: Sendable {
    public var label: String
    public var action: Action
    /// A series, as the exposition spells it, that this rule rolls up.
    public var example: String
  }

  public static let rules: [Rule] = [
    Rule(
      label: "instance", action: .drop, example: #"process_open_fds{instance="10.1.2.3:8080",job="cart"}"#),
    Rule(
      label: "pod", action: .workload,
      example: #"container_memory_working_set_bytes{container="app",pod="cart-7d9f8c6b5-x2k9p"}"#),
    Rule(
      label: "pod_name", action: .workload,
      example: #"container_cpu_usage_seconds_total{pod_name="cart-7d9f8c6b5-x2k9p"}"#),
    Rule(
      label: "kubernetes_pod_name", action: .workload,
      example: #"jvm_threads_live_threads{kubernetes_pod_name="cart-7d9f8c6b5-x2k9p"}"#),
    Rule(
      label: "container_id", action: .drop,
      example: #"kube_pod_container_info{container="app",container_id="containerd://4f2a"}"#),
    Rule(label: "uid", action: .drop, example: #"kube_pod_status_phase{namespace="shop",uid="0d4c-11ee"}"#),
    Rule(label: "pod_ip", action: .drop, example: #"kube_pod_info{namespace="shop",pod_ip="10.4.0.7"}"#),
  ]

  private static let byLabel: [String: Action] = Dictionary(
    uniqueKeysWithValues: rules.map { ($0.label, $0.action) })

  private static let labelBytes: [(name: [UInt8], action: Action)] = rules.map {
    (Array($0.label.utf8), $0.action)
  }

  /// What a rule does to the label named by these bytes; nil when no rule names it.
  static func action(forLabel name: UnsafeRawBufferPointer) -> Action? {
    for rule in labelBytes where rule.name.count == name.count && rule.name.elementsEqual(name) {
      return rule.action
    }
    return nil
  }

  /// The labels `labels` roll up to, or nil when no rule touches them.
  public static func labels(_ labels: [MetricSeries.Label]) -> [MetricSeries.Label]? {
    guard labels.contains(where: { byLabel[$0.name] != nil }) else { return nil }
    var kept: [MetricSeries.Label] = []
    var changed = false
    for label in labels {
      switch byLabel[label.name] {
      case nil: kept.append(label)
      case .drop: changed = true
      case .workload:
        let workload = ServiceName.workload(ofPod: label.value)
        changed = changed || workload != label.value
        kept.append(MetricSeries.Label(name: label.name, value: workload))
      }
    }
    return changed ? kept : nil
  }

  /// Gauges whose members are averaged rather than added: ratios, quantiles, maxima and durations. Anything
  /// else (bytes, threads, connections, entries) is a total of its replicas.
  public static func averages(_ series: MetricSeries) -> Bool {
    series.label("quantile") != nil
      || averagedSuffixes.contains { series.name.hasSuffix($0) }
  }

  private static let averagedSuffixes = [
    "_ratio", "_percent", "_percentage", "_seconds", "_max", "_celsius", "_utilization", "_load1", "_load5",
    "_load15",
  ]
}
