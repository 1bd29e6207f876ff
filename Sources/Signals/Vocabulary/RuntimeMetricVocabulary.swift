import Formats

/// What container, node, process and language-runtime metrics mean: cAdvisor/kubelet, kube-state-metrics,
/// node_exporter, the client libraries' `process_*`, JVM/Micrometer (and HikariCP), Go and Node.js. Each row
/// is a metric name (or a prefix), the signal kind it feeds, its unit and role, whether it is a counter, and a
/// series that shows it; `RuntimeMetricVocabularyTests` walks the rows.
///
/// The service is read from the labels the exporter uses for it (`RuntimeMetricVocabulary.Scope`): a
/// container's (`container`, else the pod's workload), an application's own (`service`, `app`, `job`), or a
/// node's (`node`, else the instance's host).
enum RuntimeMetricVocabulary {
  /// Where a family's series say which component they describe.
  enum Scope: Sendable {
    /// cAdvisor and kube-state-metrics: `container`, or the pod's workload when the container's name is
    /// generic (`app`). The pod-level cgroup (no `container`) and the pause container (`POD`) are totals of
    /// the others or nothing, not a service.
    case container
    /// The application's own exporter: `service`, `app`, `application`, `job`, then `container` and `pod`.
    case application
    /// node_exporter: `node`, else the host of `instance`.
    case node
  }

  struct Row: Sendable {
    var name: String
    /// A prefix row matches every name that starts with `name`.
    var isPrefix = false
    var kind: SignalKind
    var unit: String
    var role: SignalRole
    var isCounter: Bool
    var scope: Scope
    /// Multiplies each value into `unit` (bytes into MB, as `MetricVocabulary` gives memory).
    var scale = 1.0
    /// A series, as the exposition spells it, that this row describes.
    var example: String
  }

  static let rows: [Row] = [
    // cAdvisor / kubelet
    Row(
      name: "container_cpu_cfs_throttled_periods_total", kind: .cpuThrottling, unit: "periods/s",
      role: .resource,
      isCounter: true, scope: .container,
      example: #"container_cpu_cfs_throttled_periods_total{container="cart",pod="cart-0"}"#),
    Row(
      name: "container_cpu_cfs_throttled_seconds_total", kind: .cpuThrottling, unit: "s/s", role: .resource,
      isCounter: true, scope: .container,
      example: #"container_cpu_cfs_throttled_seconds_total{container="cart",pod="cart-0"}"#),
    Row(
      name: "container_memory_rss", kind: .memoryUsage, unit: "MB", role: .resource, isCounter: false,
      scope: .container, scale: MetricVocabulary.megabyte,
      example: #"container_memory_rss{container="cart",pod="cart-0"}"#),
    Row(
      name: "container_oom_events_total", kind: .oomKills, unit: "events/s", role: .resource, isCounter: true,
      scope: .container, example: #"container_oom_events_total{container="cart",pod="cart-0"}"#),
    // kube-state-metrics
    Row(
      name: "kube_pod_container_status_restarts_total", kind: .restarts, unit: "restarts/s", role: .change,
      isCounter: true, scope: .container,
      example: #"kube_pod_container_status_restarts_total{container="cart",namespace="shop",pod="cart-0"}"#),
    Row(
      name: "kube_pod_container_status_last_terminated_reason", kind: .restarts, unit: "containers",
      role: .change, isCounter: false, scope: .container,
      example:
        #"kube_pod_container_status_last_terminated_reason{container="cart",pod="cart-0",reason="OOMKilled"}"#
    ),
    // node_exporter
    Row(
      name: "node_cpu_seconds_total", kind: .cpuUsage, unit: "cores", role: .resource, isCounter: true,
      scope: .node, example: #"node_cpu_seconds_total{cpu="0",instance="node-1:9100",mode="user"}"#),
    Row(
      name: "node_load", isPrefix: true, kind: .cpuUsage, unit: "load", role: .resource, isCounter: false,
      scope: .node, example: #"node_load1{instance="node-1:9100"}"#),
    Row(
      name: "node_memory_", isPrefix: true, kind: .memoryUsage, unit: "MB", role: .resource,
      isCounter: false, scope: .node, scale: MetricVocabulary.megabyte,
      example: #"node_memory_MemAvailable_bytes{instance="node-1:9100"}"#),
    Row(
      name: "node_disk_", isPrefix: true, kind: .metric, unit: "/s", role: .resource, isCounter: true,
      scope: .node, example: #"node_disk_io_time_seconds_total{device="sda",instance="node-1:9100"}"#),
    Row(
      name: "node_filesystem_", isPrefix: true, kind: .metric, unit: "bytes", role: .resource,
      isCounter: false,
      scope: .node, example: #"node_filesystem_avail_bytes{instance="node-1:9100",mountpoint="/"}"#),
    Row(
      name: "node_network_", isPrefix: true, kind: .metric, unit: "bytes/s", role: .resource, isCounter: true,
      scope: .node, example: #"node_network_receive_bytes_total{device="eth0",instance="node-1:9100"}"#),
    // Client libraries' process collectors
    Row(
      name: "process_open_fds", kind: .openFiles, unit: "files", role: .resource, isCounter: false,
      scope: .application, example: #"process_open_fds{job="cart"}"#),
    // JVM / Micrometer
    Row(
      name: "jvm_gc_pause_seconds_sum", kind: .gcPause, unit: "s/s", role: .resource, isCounter: true,
      scope: .application, example: #"jvm_gc_pause_seconds_sum{action="end of minor GC",application="cart"}"#),
    Row(
      name: "jvm_gc_pause_seconds_max", kind: .gcPause, unit: "s", role: .resource, isCounter: false,
      scope: .application, example: #"jvm_gc_pause_seconds_max{action="end of major GC",application="cart"}"#),
    Row(
      name: "jvm_memory_used_bytes", kind: .memoryUsage, unit: "MB", role: .resource, isCounter: false,
      scope: .application, scale: MetricVocabulary.megabyte,
      example: #"jvm_memory_used_bytes{application="cart",area="heap",id="G1 Old Gen"}"#),
    Row(
      name: "jvm_threads_live_threads", kind: .threads, unit: "threads", role: .resource, isCounter: false,
      scope: .application, example: #"jvm_threads_live_threads{application="cart"}"#),
    Row(
      name: "jvm_threads_states_threads", kind: .threads, unit: "threads", role: .resource, isCounter: false,
      scope: .application, example: #"jvm_threads_states_threads{application="cart",state="blocked"}"#),
    Row(
      name: "hikaricp_connections_active", kind: .poolActive, unit: "connections", role: .resource,
      isCounter: false, scope: .application,
      example: #"hikaricp_connections_active{application="cart",pool="HikariPool-1"}"#),
    Row(
      name: "hikaricp_connections_pending", kind: .poolPending, unit: "threads", role: .resource,
      isCounter: false, scope: .application,
      example: #"hikaricp_connections_pending{application="cart",pool="HikariPool-1"}"#),
    Row(
      name: "hikaricp_connections_timeout_total", kind: .poolTimeouts, unit: "timeouts/s", role: .symptom,
      isCounter: true, scope: .application,
      example: #"hikaricp_connections_timeout_total{application="cart",pool="HikariPool-1"}"#),
    // Go
    Row(
      name: "go_goroutines", kind: .threads, unit: "goroutines", role: .resource, isCounter: false,
      scope: .application, example: #"go_goroutines{job="cart"}"#),
    Row(
      name: "go_gc_duration_seconds_sum", kind: .gcPause, unit: "s/s", role: .resource, isCounter: true,
      scope: .application, example: #"go_gc_duration_seconds_sum{job="cart"}"#),
    Row(
      name: "go_memstats_heap_inuse_bytes", kind: .memoryUsage, unit: "MB", role: .resource, isCounter: false,
      scope: .application, scale: MetricVocabulary.megabyte,
      example: #"go_memstats_heap_inuse_bytes{job="cart"}"#),
    // Node.js (prom-client)
    Row(
      name: "nodejs_eventloop_lag", isPrefix: true, kind: .eventLoopLag, unit: "s", role: .resource,
      isCounter: false, scope: .application, example: #"nodejs_eventloop_lag_p99_seconds{job="cart"}"#),
    Row(
      name: "nodejs_heap_size_used_bytes", kind: .memoryUsage, unit: "MB", role: .resource, isCounter: false,
      scope: .application, scale: MetricVocabulary.megabyte,
      example: #"nodejs_heap_size_used_bytes{job="cart"}"#),
  ]

  private static let byName: [String: Row] = Dictionary(
    uniqueKeysWithValues: rows.filter { !$0.isPrefix }.map { ($0.name, $0) })
  private static let prefixes = rows.filter(\.isPrefix)

  /// The rows whose name or prefix matches `name` (one, for a name the table knows).
  static func rows(matching name: String) -> [Row] {
    (byName[name].map { [$0] } ?? []) + prefixes.filter { name.hasPrefix($0.name) }
  }

  /// The meaning of a series the table knows, with the component its labels name; nil otherwise, and for a
  /// container series that is no container's (the pod cgroup, the pause container).
  static func meaning(of series: MetricSeries) -> MetricVocabulary.Meaning? {
    guard let row = byName[series.name] ?? prefixes.first(where: { series.name.hasPrefix($0.name) }),
      let component = component(of: series, scope: row.scope)
    else { return nil }
    let subject = series.labels.filter { !componentLabels.contains($0.name) }
      .map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    return MetricVocabulary.Meaning(
      component: component, kind: row.kind,
      subject: subject.isEmpty ? series.name : "\(series.name) \(subject)",
      unit: row.unit, role: row.role, isCounter: row.isCounter, client: nil, scale: row.scale)
  }

  /// Container names that say nothing of the service (`app`): the pod's workload names it instead.
  private static let genericContainers: Set<String> = ["app", "application", "main", "server", "service"]

  /// Labels that say where a series is, not what it measures: left out of the subject.
  private static let componentLabels: Set<String> = [
    "container", "pod", "namespace", "instance", "job", "service", "app", "application", "node", "uid",
    "container_id", "image", "name", "id",
  ]

  private static func component(of series: MetricSeries, scope: Scope) -> String? {
    switch scope {
    case .container:
      // cAdvisor's pod-level cgroup has no container label (an empty one is dropped when read).
      guard let container = series.label("container"), container != "POD" else { return nil }
      guard genericContainers.contains(container), let pod = series.label("pod") else { return container }
      return ServiceName.workload(ofPod: pod)
    case .application:
      return ["service", "app", "application", "job", "container"].lazy.compactMap { series.label($0) }.first
        ?? series.label("pod").map(ServiceName.workload(ofPod:))
    case .node:
      if let node = series.label("node") { return node }
      return series.label("instance").map { String($0.prefix { $0 != ":" }) }
    }
  }
}
