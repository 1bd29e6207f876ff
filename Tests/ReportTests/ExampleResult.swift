import Analysis

/// A small, literal analysis result with every part filled in: the report tests render it and check the
/// output.
enum ExampleResult {
  static let start: Int64 = 1_795_738_800_000  // 2026-11-27T00:20:00Z

  static func make(charts: [Chart]? = nil) -> AnalysisResult {
    let document = RCADocument(
      title: "db | exhaustion",
      summary: "Connections of one client filled the database; its clients then failed.",
      window: TimeWindow(from: "2026-11-27T00:20:00Z", to: "2026-11-27T01:20:00Z"),
      resolutionSeconds: 10,
      rootCause: RootCause(
        component: "shipping", kind: .connectionExhaustion, resource: "mysql", onset: "2026-11-27T00:58:40Z",
        confidence: 0.86, summary: "idle connections pile up"),
      chain: [
        CausalLink(
          component: "shipping", role: "cause", symptom: "idle connections of DB user shipping pile up",
          signal: "mysql connections {user=shipping}", signalKind: .dbConnections,
          onset: "2026-11-27T00:58:40Z",
          before: 12, after: 140, unit: "connections",
          evidence: [
            Evidence(
              file: "db/processlist.txt", line: 1234, time: "2026-11-27T01:05:00Z",
              text: "| 17 | shipping | Sleep | 1201 |"),
            Evidence(time: "2026-11-27T00:58:40Z", text: "connections 12 → 140 from 00:58:40"),
          ]),
        CausalLink(
          component: "mysql", role: "resource", symptom: "connections reach max_connections and stay there",
          signal: "mysql connections", signalKind: .dbConnections, onset: "2026-11-27T01:00:10Z", before: 140,
          after: 151, unit: "connections",
          evidence: [
            Evidence(file: "metrics/mysql.prom", time: "2026-11-27T01:00:10Z", text: "plateau at 151")
          ]),
        CausalLink(
          component: "shipping", role: "symptom", symptom: "p90 latency rises",
          signal: "shipping latency p90",
          signalKind: .latencyP90, onset: "2026-11-27T01:01:00Z", before: 0.9, after: 150, unit: "s",
          evidence: [
            Evidence(
              file: "logs/shipping.log", line: 77, time: "2026-11-27T01:01:02Z",
              text: "HikariPool-1 - Connection is not available, request timed out after 30000ms `x`")
          ]),
        CausalLink(
          component: "ratings", role: "collateral", symptom: "ratings returns 5xx",
          signal: "ratings 5xx ratio",
          signalKind: .errorRate, onset: "2026-11-27T01:02:00Z", before: 0, after: 0.843, unit: "ratio",
          evidence: [], causedBy: [1]),
      ],
      alternatives: [
        Alternative(
          component: "shipping", kind: .serviceLatency, confidence: 0.2, why: "latency rose | but later")
      ],
      ruledOut: [RuledOutCause(cause: "traffic", why: "gateway rate 138 → 141 req/s, no change point")],
      timeline: [
        TimelineEntry(
          time: "2026-11-27T00:58:40Z", source: "db/processlist.txt",
          signal: "mysql connections {user=shipping}",
          component: "mysql", subject: "shipping", signalKind: .dbConnections, change: .rise, before: 12,
          after: 140, unit: "connections", uncertaintySeconds: 30),
        TimelineEntry(
          time: "2026-11-27T01:01:00Z", source: "logs/a|b.log", signal: "shipping latency p90",
          component: "shipping", subject: nil, signalKind: .latencyP90, change: .rise, before: 0.9,
          after: 150,
          unit: "s", uncertaintySeconds: 10),
      ],
      impact: Impact(
        services: ["shipping", "ratings"], peakErrorRate: ["shipping": 0.3, "ratings": 0.843],
        peakLatencyP90Seconds: ["shipping": 150], durationSeconds: 1_150),
      mitigations: [
        Mitigation(
          text: "End the idle sessions with `KILL`.", commands: ["KILL 17;", "CALL mysql.rds_kill(17);"]),
        Mitigation(text: "Restart shipping.", commands: []),
      ],
      followUps: ["Bound the pool's idle timeout.", "Alert on connections near max_connections."],
      dataQuality: DataQuality(
        files: 3, bytes: 2_500_000, decodedBytes: 12_000_000, lines: 123_456, records: 123_000, skipped: 456,
        sources: [
          SourceQuality(
            path: "logs/shipping.log.gz", compression: "gzip", format: "spring-boot", bytes: 2_000_000,
            lines: 100_000, records: 99_600, skipped: 400, error: nil),
          SourceQuality(
            path: "db/processlist.txt", compression: "none", format: nil, bytes: 500_000, lines: 23_456,
            records: 23_400, skipped: 56, error: "db/processlist.txt:9000: truncated row"),
        ],
        errors: ["logs/shipping.log.gz: byte 1999000: truncated gzip member"],
        assumedZones: ["db/processlist.txt"]))
    return AnalysisResult(document: document, charts: charts ?? [connections, latency])
  }

  static let connections = Chart(
    title: "mysql connections {user=shipping}", unit: "connections", startMilliseconds: start,
    stepMilliseconds: 10_000, values: (0..<360).map { $0 < 230 ? 12 : min(151, 12 + Double($0 - 230) * 2) },
    markers: [Chart.Marker(milliseconds: start + 2_320_000, label: "rise 00:58:40")], limit: 151)

  static let latency = Chart(
    title: "shipping latency p90", unit: "s", startMilliseconds: start, stepMilliseconds: 10_000,
    values: (0..<360).map { $0 < 246 ? 0.9 : 150 }, markers: [], limit: nil)
}
