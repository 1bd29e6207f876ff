/// The series mysqld_exporter makes of a `SHOW GLOBAL STATUS` or `SHOW GLOBAL VARIABLES` row, so that a
/// status capture and an exporter scrape of the same server meet in the same signals (`MetricVocabulary`).
///
/// As `collector/global_status.go` and `global_variables.go` do: the name lower-cased, bytes outside
/// `[a-z0-9_]` turned into `_`; the status groups the exporter labels (`Com_select` →
/// `mysql_global_status_commands_total{command="select"}`, `Connection_errors_max_connections` →
/// `mysql_global_status_connection_errors_total{error="max_connections"}`) labelled the same way.
enum ExporterNames {
  static func status(_ name: String) -> MetricSeries {
    let key = exporterKey(name)
    for group in labelledGroups where key.hasPrefix(group.prefix) && key.count > group.prefix.count {
      let suffix = String(key.dropFirst(group.prefix.count))
      let family = group.family(suffix)
      return MetricSeries(
        name: "mysql_global_status_" + family.name,
        labels: [MetricSeries.Label(name: family.label, value: suffix)], kind: family.kind)
    }
    return MetricSeries(
      name: "mysql_global_status_" + key, labels: [], kind: StatusGauges.isGauge(key) ? .gauge : .counter)
  }

  /// Variables are settings: each reads as a gauge.
  static func variable(_ name: String) -> MetricSeries {
    MetricSeries(name: "mysql_global_variables_" + exporterKey(name), labels: [], kind: .gauge)
  }

  private typealias Family = (name: String, label: String, kind: MetricSeries.Kind)

  private struct Group: Sendable {
    var prefix: String
    /// The family for the rest of the name after `prefix`.
    var family: @Sendable (String) -> Family
  }

  /// `globalStatusRE` of the exporter, with the family and label each group becomes.
  private static let labelledGroups: [Group] = [
    Group(prefix: "com_") { _ in ("commands_total", "command", .counter) },
    Group(prefix: "handler_") { _ in ("handlers_total", "handler", .counter) },
    Group(prefix: "connection_errors_") { _ in ("connection_errors_total", "error", .counter) },
    Group(prefix: "innodb_buffer_pool_pages_") { rest in
      // The exporter's split: four page states are levels, the other names count page changes.
      ["data", "dirty", "free", "misc"].contains(rest)
        ? ("buffer_pool_pages", "state", .gauge) : ("buffer_pool_page_changes_total", "operation", .counter)
    },
    Group(prefix: "innodb_rows_") { _ in ("innodb_row_ops_total", "operation", .counter) },
    Group(prefix: "performance_schema_") { _ in ("performance_schema_lost_total", "instrumentation", .counter)
    },
  ]

  private static func exporterKey(_ name: String) -> String {
    String(
      decoding: name.utf8.map { byte in
        let lower = ASCII.lowercased(byte)
        return ASCII.isLowerLetter(lower) || ASCII.isDigit(lower) ? lower : ASCII.underscore
      }, as: UTF8.self)
  }
}
