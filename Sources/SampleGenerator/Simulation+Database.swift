import Foundation

/// The database side: who holds connections each second, the exporter's scrape and the processlist.
extension Simulation {
  /// Processlist rows at second `t` (the capture's own `admin` session included).
  mutating func connections(at t: Int, captureID: Int) -> [ProcesslistTable.Row] {
    var rows: [ProcesslistTable.Row] = []
    rows.append(
      ProcesslistTable.Row(
        id: 3, user: "rdsadmin", host: "localhost", database: "mysql", command: "Sleep", seconds: t % 5,
        state: "", info: nil))
    guard case .connectionLeak(let client, let other, let leakStart, let perSecond) = scenario.fault else {
      let client = scenario.services.first { $0.role == "shipping" }?.name ?? "shipping"
      let other = scenario.services.first { $0.role == "ratings" }?.name ?? "ratings"
      return rows + steadyRows(at: t, client: client, other: other) + adminRow(captureID)
    }
    rows += steadyRows(at: t, client: client, other: other)
    let leaked = model.leaked(at: t)
    let service = scenario.services.first { $0.name == client }!
    for index in 0..<leaked {
      let created = leakStart + Int(Double(index) / perSecond)
      let pod = index % service.pods.count
      rows.append(
        ProcesslistTable.Row(
          id: 5000 + index, user: client,
          host: "10.44.\(4 + pod).\(20 + pod):\(40000 + (index * 7919) % 20000)",
          database: "cities", command: "Sleep", seconds: t - created, state: "", info: nil))
    }
    return rows + adminRow(captureID)
  }

  private mutating func steadyRows(at t: Int, client: String, other: String) -> [ProcesslistTable.Row] {
    var rows: [ProcesslistTable.Row] = []
    let pods = scenario.services.first { $0.name == client }?.pods.count ?? 1
    for index in 0..<(IncidentModel.poolConnections * pods) {
      let busy = random.chance(0.1)
      rows.append(
        ProcesslistTable.Row(
          id: 1001 + index, user: client,
          host: "10.44.\(4 + index % pods).\(20 + index % pods):\(37000 + index * 13)",
          database: "cities", command: busy ? "Query" : "Sleep", seconds: busy ? 0 : random.int(0...25),
          state: busy ? "Sending data" : "", info: busy ? "select * from codes order by name asc" : nil))
    }
    let exhausted = model.exhaustion.map { t >= $0 } ?? false
    if !exhausted {
      for _ in 0..<random.poisson(1.5) {
        nextConnectionID += 1
        rows.append(
          ProcesslistTable.Row(
            id: 90000 + nextConnectionID, user: other, host: "10.44.7.31:\(50000 + nextConnectionID % 10000)",
            database: "ratings", command: "Query", seconds: 0, state: "executing",
            info: "SELECT avg_rating, rating_count FROM ratings WHERE sku = 'Watson'"))
      }
    }
    return rows
  }

  private func adminRow(_ captureID: Int) -> [ProcesslistTable.Row] {
    [
      ProcesslistTable.Row(
        id: 200_000 + captureID, user: "admin", host: "10.44.9.5:52\(pad(captureID % 1000, 3))",
        database: nil,
        command: "Query", seconds: 0, state: "starting", info: "SHOW FULL PROCESSLIST")
    ]
  }

  /// One snapshot, preceded by the `TS` line a capture loop (`date +"TS %s.%N %F %T"`) writes.
  mutating func snapshot(at t: Int) throws {
    let rows = connections(at: t, captureID: t / 30)
    let seconds = scenario.start + Int64(t)
    let time = CivilTime(epochSeconds: seconds)
    let text =
      "TS \(seconds).\(pad(random.int(1_000_000...9_999_999), 9)) \(time.date) \(time.clock)\n"
      + ProcesslistTable.render(rows)
    try write("mysql/processlist.txt", at: t, text)
  }

  /// A mysqld_exporter and Istio scrape, as one concatenated exposition with ms timestamps.
  mutating func scrape(at t: Int) throws {
    let total = connections(at: t, captureID: t / 30).count
    maxUsed = max(maxUsed, total)
    // Every refused connection is one the other client asked for: its failed requests.
    var connectionErrors = 0
    if case .connectionLeak(_, let other, _, _) = scenario.fault {
      connectionErrors = counters[other]?[500] ?? 0
    }
    threadsConnected.append((scenario.start + Int64(t), Double(total)))
    var requests: [(labels: String, value: Double)] = []
    for service in scenario.services.map(\.name) {
      for (code, count) in (counters[service] ?? [:]).sorted(by: { $0.key < $1.key }) {
        requests.append(
          (
            "destination_workload=\"\(service)\",reporter=\"destination\",response_code=\"\(code)\"",
            Double(count)
          ))
      }
    }
    let families = [
      PrometheusText.Family(
        name: "istio_requests_total", help: "Total requests.", type: "counter", samples: requests),
      PrometheusText.Family(
        name: "mysql_global_status_threads_connected", help: "Generic metric from SHOW GLOBAL STATUS.",
        type: "untyped", samples: [("", Double(total))]),
      PrometheusText.Family(
        name: "mysql_global_status_threads_running", help: "Generic metric from SHOW GLOBAL STATUS.",
        type: "untyped", samples: [("", Double(1 + random.int(0...2)))]),
      PrometheusText.Family(
        name: "mysql_global_status_max_used_connections", help: "Generic metric from SHOW GLOBAL STATUS.",
        type: "untyped", samples: [("", Double(maxUsed))]),
      PrometheusText.Family(
        name: "mysql_global_status_connection_errors_total",
        help: "Total number of MySQL connection errors.", type: "counter",
        samples: [("error=\"max_connections\"", Double(connectionErrors)), ("error=\"internal\"", 0)]),
      PrometheusText.Family(
        name: "mysql_global_variables_max_connections",
        help: "Generic gauge metric from SHOW GLOBAL VARIABLES.",
        type: "gauge", samples: [("", Double(scenario.maxConnections))]),
    ]
    try write(
      "metrics/prometheus-scrapes.prom", at: t,
      PrometheusText.scrape(families, milliseconds: (scenario.start + Int64(t)) * 1000))
  }

  mutating func writeQueryRange() throws {
    let text = PrometheusText.queryRange(
      metric: [
        ("__name__", "mysql_global_status_threads_connected"), ("instance", "mysql-exporter:9104"),
        ("job", "mysql"),
      ],
      points: threadsConnected)
    try text.write(
      toFile: directory + "/metrics/query_range-threads-connected.json", atomically: true, encoding: .utf8)
  }
}
