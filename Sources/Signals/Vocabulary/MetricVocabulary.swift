import Formats

/// What well-known exporter metrics mean, so a dump's series join the same signal kinds as the processlist
/// and the logs. Anything not listed stays a plain `metric` of its own component.
enum MetricVocabulary {
  struct Meaning {
    var component: String
    var kind: SignalKind
    var subject: String?
    var unit: String
    var role: SignalRole
    var isCounter: Bool
    /// Who drives the series, from the label the vocabulary names for it.
    var client: String? = nil
  }

  /// mysqld_exporter names (`mysql_global_status_*`, `mysql_global_variables_*`).
  private static let mysql: [String: (kind: SignalKind, unit: String)] = [
    "mysql_global_status_threads_connected": (.dbConnections, "connections"),
    "mysql_global_variables_max_connections": (.dbMaxConnections, "connections"),
    "mysql_global_status_max_used_connections": (.metric, "connections"),
    "mysql_global_status_threads_running": (.metric, "threads"),
    "mysql_global_status_connection_errors_total": (.dbConnectionErrors, "errors/s"),
    "mysql_global_status_aborted_connects": (.dbConnectionErrors, "errors/s"),
  ]

  /// Labels Prometheus adds for the scrape target.
  private static let scrapeLabels: Set<String> = ["instance", "job"]

  /// Labels that name the service a series describes, most specific first.
  private static let serviceLabels = [
    "destination_workload", "destination_service_name", "service", "app", "job",
  ]

  /// CloudWatch's (and YACE's) RDS connection count, under any statistic: the managed database's
  /// `Threads_connected`.
  private static func isRDSConnections(_ name: String) -> Bool {
    name.hasPrefix("aws_") && name.contains("database_connections")
  }

  static func meaning(of series: MetricSeries) -> Meaning {
    let isCounter = series.kind == .counter
    if isRDSConnections(series.name) {
      return Meaning(
        component: "rds", kind: .dbConnections, subject: nil, unit: "connections", role: .resource,
        isCounter: false)
    }
    if let known = MySQLMetricVocabulary.meaning(of: series) { return known }
    if let known = mysql[series.name] {
      // Scrape-target labels say where a series came from, not what it measures.
      let meaningful = series.labels.filter { !scrapeLabels.contains($0.name) }
      let subject =
        meaningful.isEmpty ? nil : meaningful.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
      return Meaning(
        component: "mysql", kind: known.kind, subject: subject, unit: known.unit,
        role: known.kind == .metric ? .context : .resource, isCounter: isCounter)
    }
    let component =
      serviceLabels.lazy.compactMap { series.label($0) }.first
      ?? String(series.name.prefix { $0 != "_" })
    return Meaning(
      component: component, kind: .metric, subject: displayName(series), unit: isCounter ? "/s" : "",
      role: .context, isCounter: isCounter)
  }

  /// `name{label=value,…}` with labels in name order, as the report shows a series.
  static func displayName(_ series: MetricSeries) -> String {
    guard !series.labels.isEmpty else { return series.name }
    return series.name + "{" + series.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + "}"
  }
}
