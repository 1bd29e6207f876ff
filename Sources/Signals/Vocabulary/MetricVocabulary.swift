import Formats

/// What metric names mean, so a dump's series join the same signal kinds as the processlist and the logs:
/// a table of rows, each with an example series that must map to it and to no other row. Anything not
/// listed stays a plain `metric` of its own component, context for the reader.
enum MetricVocabulary {
  struct Meaning {
    var component: String
    var kind: SignalKind
    var subject: String?
    var unit: String
    var role: SignalRole
    var isCounter: Bool
    /// Who drives the series, from the row's client label (a DB user, a calling workload).
    var client: String?
    /// Multiplies each value into `unit` (bytes into MB).
    var scale: Double
    /// The dependency a client-side series measures calls to (`host` of an outbound request histogram).
    var resource: String? = nil
  }

  /// Where a row's component comes from.
  enum ComponentSource: Equatable {
    /// The service labels (`destination_workload`, `service`, `app`, `container`, `pod` less its hash, `job`).
    case labels
    /// Always this component (mysqld_exporter's series describe `mysql`).
    case fixed(String)
    /// The name before the matched suffix: the columns of a wide CSV (`carts_cpu` is `carts`).
    case namePrefix
  }

  struct Row {
    enum Match: Equatable {
      case exact(String)
      /// `_cpu` matches `carts_cpu` and `front-end_cpu`.
      case suffix(String)
    }

    var match: Match
    var kind: SignalKind
    var unit: String
    var role: SignalRole
    var scale: Double = 1
    var component: ComponentSource = .labels
    var clientLabel: String? = nil
    /// A series this row must read, as `name{label="value",…}`.
    var example: String
  }

  static let megabyte = 1.0 / 1_048_576

  static let rows: [Row] = [
    // mysqld_exporter
    Row(
      match: .exact("mysql_global_status_threads_connected"), kind: .dbConnections, unit: "connections",
      role: .resource, component: .fixed("mysql"), example: "mysql_global_status_threads_connected"),
    Row(
      match: .exact("mysql_global_variables_max_connections"), kind: .dbMaxConnections, unit: "connections",
      role: .resource, component: .fixed("mysql"), example: "mysql_global_variables_max_connections"),
    Row(
      match: .exact("mysql_global_status_max_used_connections"), kind: .metric, unit: "connections",
      role: .context, component: .fixed("mysql"), example: "mysql_global_status_max_used_connections"),
    Row(
      match: .exact("mysql_global_status_threads_running"), kind: .dbThreadsRunning, unit: "threads",
      role: .resource,
      component: .fixed("mysql"), example: "mysql_global_status_threads_running"),
    Row(
      match: .exact("mysql_global_status_connection_errors_total"), kind: .dbConnectionErrors,
      unit: "errors/s", role: .resource, component: .fixed("mysql"),
      example: "mysql_global_status_connection_errors_total{error=\"max_connections\"}"),
    Row(
      match: .exact("mysql_global_status_aborted_connects"), kind: .dbConnectionErrors, unit: "errors/s",
      role: .resource, component: .fixed("mysql"), example: "mysql_global_status_aborted_connects"),
    // cAdvisor / kubelet and the client libraries' process collectors
    Row(
      match: .exact("container_cpu_usage_seconds_total"), kind: .cpuUsage, unit: "cores", role: .resource,
      example: "container_cpu_usage_seconds_total{container=\"carts\",pod=\"carts-7d9f8c6b5-x2k4q\"}"),
    Row(
      match: .exact("container_memory_working_set_bytes"), kind: .memoryUsage, unit: "MB", role: .resource,
      scale: megabyte, example: "container_memory_working_set_bytes{container=\"orders\"}"),
    Row(
      match: .exact("container_memory_usage_bytes"), kind: .memoryUsage, unit: "MB", role: .resource,
      scale: megabyte, example: "container_memory_usage_bytes{container=\"orders\"}"),
    Row(
      match: .exact("process_cpu_seconds_total"), kind: .cpuUsage, unit: "cores", role: .resource,
      example: "process_cpu_seconds_total{job=\"payment\"}"),
    Row(
      match: .exact("process_resident_memory_bytes"), kind: .memoryUsage, unit: "MB", role: .resource,
      scale: megabyte, example: "process_resident_memory_bytes{job=\"payment\"}"),
    // Service meshes: who calls whom, at what rate
    Row(
      match: .exact("istio_requests_total"), kind: .requestRate, unit: "req/s", role: .load,
      clientLabel: "source_workload",
      example: "istio_requests_total{destination_workload=\"reviews\",source_workload=\"productpage\"}"),
    // Wide CSV columns as RCA datasets write them: `<service>_<metric>`
    Row(
      match: .suffix("_cpu"), kind: .cpuUsage, unit: "cores", role: .resource, component: .namePrefix,
      example: "carts_cpu"),
    Row(
      match: .suffix("_mem"), kind: .memoryUsage, unit: "", role: .resource, component: .namePrefix,
      example: "carts_mem"),
    Row(
      match: .suffix("_lat_50"), kind: .latencyP50, unit: "", role: .symptom, component: .namePrefix,
      example: "carts_lat_50"),
    Row(
      match: .suffix("_lat_90"), kind: .latencyP90, unit: "", role: .symptom, component: .namePrefix,
      example: "carts_lat_90"),
    Row(
      match: .suffix("_lat_99"), kind: .latencyP99, unit: "", role: .symptom, component: .namePrefix,
      example: "carts_lat_99"),
    Row(
      match: .suffix("_latency-50"), kind: .latencyP50, unit: "", role: .symptom, component: .namePrefix,
      example: "frontend_latency-50"),
    Row(
      match: .suffix("_latency-90"), kind: .latencyP90, unit: "", role: .symptom, component: .namePrefix,
      example: "ts-route-service_latency-90"),
    Row(
      match: .suffix("_latency-99"), kind: .latencyP99, unit: "", role: .symptom, component: .namePrefix,
      example: "frontend_latency-99"),
    Row(
      match: .suffix("_latency"), kind: .latencyP90, unit: "", role: .symptom, component: .namePrefix,
      example: "cartservice_latency"),
    Row(
      match: .suffix("_workload"), kind: .requestRate, unit: "req/s", role: .load, component: .namePrefix,
      example: "adservice_workload"),
    Row(
      match: .suffix("_load"), kind: .requestRate, unit: "req/s", role: .load, component: .namePrefix,
      example: "frontend-external_load"),
    Row(
      match: .suffix("_error"), kind: .errorRate, unit: "", role: .symptom, component: .namePrefix,
      example: "ts-auth-service_error"),
  ]

  /// Labels Prometheus adds for the scrape target.
  private static let scrapeLabels: Set<String> = ["instance", "job"]

  /// Labels that name the service a series describes, most specific first.
  private static let serviceLabels = [
    "destination_workload", "destination_service_name", "service", "app", "container", "pod", "job",
  ]

  /// Container names that are no service: the pause container and cAdvisor's pod-level totals.
  private static let notContainers: Set<String> = ["", "POD"]

  private static let exact: [String: Row] = Dictionary(
    rows.compactMap { row in
      if case .exact(let name) = row.match { (name, row) } else { nil }
    }, uniquingKeysWith: { first, _ in first })

  /// Suffix rows, longest suffix first, so `_latency-90` wins over `_latency`.
  private static let suffixes: [(String, Row)] = rows.compactMap { row -> (String, Row)? in
    if case .suffix(let suffix) = row.match { (suffix, row) } else { nil }
  }.sorted { $0.0.count > $1.0.count }

  /// The row for a series name, if any.
  static func row(for name: String) -> (row: Row, prefix: String)? {
    if let row = exact[name] { return (row, name) }
    for (suffix, row) in suffixes where name.count > suffix.count && name.hasSuffix(suffix) {
      return (row, String(name.dropLast(suffix.count)))
    }
    return nil
  }

  /// CloudWatch's (and YACE's) RDS connection count, under any statistic: the managed database's
  /// `Threads_connected`.
  private static func isRDSConnections(_ name: String) -> Bool {
    name.hasPrefix("aws_") && name.contains("database_connections")
  }

  /// Words in a family's name that say it measures the calls a service makes, not those it serves.
  static let outboundWords = [
    "upstream_", "client_request", "http_client", "outbound", "external_", "dependency",
  ]
  /// Labels that name the callee of such a family.
  static let calleeLabels = [
    "host", "target", "peer", "server_address", "net_peer_name", "upstream", "destination",
  ]

  static func meaning(of series: MetricSeries) -> Meaning {
    var meaning = baseMeaning(of: series)
    if outboundWords.contains(where: { series.name.contains($0) }),
      let callee = calleeLabels.lazy.compactMap({ series.label($0) }).first(where: { !$0.isEmpty })
    {
      meaning.resource = callee
    }
    return meaning
  }

  private static func baseMeaning(of series: MetricSeries) -> Meaning {
    let isCounter = series.kind == .counter
    if isRDSConnections(series.name) {
      return Meaning(
        component: "rds", kind: .dbConnections, subject: nil, unit: "connections", role: .resource,
        isCounter: false, client: nil, scale: 1)
    }
    if let quantile = SummaryQuantile(series) { return quantile.meaning(component: component(of: series)) }
    if let known = MySQLMetricVocabulary.meaning(of: series) { return known }
    guard let (row, prefix) = row(for: series.name) else {
      if let runtime = RuntimeMetricVocabulary.meaning(of: series) { return runtime }
      return Meaning(
        component: component(of: series), kind: .metric, subject: displayName(series),
        unit: isCounter ? "/s" : "", role: .context, isCounter: isCounter, client: nil, scale: 1)
    }
    let component: String
    switch row.component {
    case .labels: component = self.component(of: series)
    case .fixed(let name): component = name
    case .namePrefix: component = prefix
    }
    let client = row.clientLabel.flatMap { series.label($0) }.flatMap {
      $0.isEmpty || $0 == "unknown" ? nil : $0
    }
    let subject: String?
    if case .fixed = row.component {
      // Scrape-target labels say where a series came from, not what it measures.
      let meaningful = series.labels.filter { !scrapeLabels.contains($0.name) }
      subject = meaningful.isEmpty ? nil : meaningful.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    } else {
      subject = series.labels.isEmpty ? nil : displayName(series)
    }
    return Meaning(
      component: component, kind: row.kind, subject: subject, unit: row.unit,
      role: row.kind == .metric ? .context : row.role, isCounter: isCounter, client: client, scale: row.scale)
  }

  /// The service a series describes, from its labels, else the first word of its name.
  static func component(of series: MetricSeries) -> String {
    for label in serviceLabels {
      guard let value = series.label(label), !notContainers.contains(value) else { continue }
      if label == "pod" { return ServiceName.infer(fromPath: value) ?? value }
      return value
    }
    return String(series.name.prefix { $0 != "_" })
  }

  /// `name{label=value,…}` with labels in name order, as the report shows a series.
  static func displayName(_ series: MetricSeries) -> String {
    guard !series.labels.isEmpty else { return series.name }
    return series.name + "{" + series.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + "}"
  }
}
