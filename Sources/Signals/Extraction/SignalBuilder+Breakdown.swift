extension SignalBuilder {
  /// Keys of each dimension that become signals, by volume; the rest are folded into `(other)`.
  static let breakdownLimit = 10

  /// Per route, upstream, client and user agent of each access log: request rate, 5xx ratio and latency
  /// p90; and the proxy's own time (request − upstream). A route or upstream is the signal's subject (and an
  /// upstream its `resource`), a client or user agent its `client`.
  func breakdownSignals() -> [Signal] {
    let range = buckets(step: step)
    let seconds = Double(step) / 1000
    var signals: [Signal] = []
    for (key, breakdown) in aggregate.breakdowns.sorted(by: {
      ($0.key.service, $0.key.format.rawValue) < ($1.key.service, $1.key.format.rawValue)
    }) {
      guard let requests = aggregate.requests[key], !requests.buckets.isEmpty else { continue }
      let covered = Self.whole(requests.buckets.firstBucket...requests.buckets.lastBucket)
      let sources = (aggregate.paths[key.pathsKey] ?? []).sorted()
      func make(
        _ kind: SignalKind, _ subject: String, _ name: String, _ unit: String, _ role: SignalRole,
        client: String? = nil, resource: String? = nil, _ cells: BucketSeries<RequestBreakdown.Cell>,
        _ value: (RequestBreakdown.Cell) -> Double
      ) -> Signal {
        Signal(
          key: SignalKey(component: key.service, kind: kind, subject: subject, source: key.format.rawValue),
          name: "\(key.service) \(name)", unit: unit, role: role, startMilliseconds: range.lowerBound * step,
          stepMilliseconds: step,
          values: range.map { covered.contains($0) ? value(cells[bucket: $0]) : .nan }, sources: sources,
          client: client, resource: resource)
      }
      for dimension in RequestBreakdown.Dimension.allCases {
        for (name, cells) in Self.busiest(breakdown.keys[dimension.rawValue]) {
          let subject = "\(dimension.label)=\(name)"
          let client = dimension == .client || dimension == .userAgent ? name : nil
          let resource = dimension == .upstream ? name : nil
          signals.append(
            make(
              .requestRate, subject, "request rate {\(subject)}", "req/s", .load, client: client,
              resource: resource, cells
            ) { Double($0.requests) / seconds })
          guard dimension == .route || dimension == .upstream else { continue }
          signals.append(
            make(.errorRate, subject, "5xx ratio {\(subject)}", "ratio", .symptom, resource: resource, cells)
            {
              $0.requests > 0 ? Double($0.serverErrors) / Double($0.requests) : .nan
            })
          signals.append(
            make(.latencyP90, subject, "latency p90 {\(subject)}", "s", .symptom, resource: resource, cells) {
              $0.latencyMilliseconds(at: 0.9) / 1000
            })
        }
      }
      // The proxy's own time, over all its routes: what it adds on top of the upstream's answer.
      let routes = breakdown.keys[RequestBreakdown.Dimension.route.rawValue]
      guard routes.contains(where: { key in key.cells.values.contains { $0.proxied > 0 } }) else { continue }
      var total = BucketSeries<RequestBreakdown.Cell>(stepMilliseconds: step, empty: .init())
      for route in routes { total.merge(route.cells) { $0.add($1) } }
      signals.append(
        make(.metric, "proxy-time", "proxy's own time (request − upstream), mean", "s", .symptom, total) {
          $0.proxied > 0 ? $0.proxyMilliseconds / Double($0.proxied) / 1000 : .nan
        })
    }
    return signals
  }

  /// The `breakdownLimit` busiest keys (ties by name, for a stable order), then `(other)` holding the rest.
  static func busiest(_ keys: [RequestBreakdown.Key]) -> [(String, BucketSeries<RequestBreakdown.Cell>)] {
    let ranked = keys.filter { $0.name != RequestBreakdown.other }
      .sorted { ($0.total, $1.name) > ($1.total, $0.name) }
    var chosen = ranked.prefix(breakdownLimit).map { ($0.name, $0.cells) }
    let rest = ranked.dropFirst(breakdownLimit) + keys.filter { $0.name == RequestBreakdown.other }
    if let first = rest.first {
      var folded = first.cells
      for key in rest.dropFirst() { folded.merge(key.cells) { $0.add($1) } }
      chosen.append((RequestBreakdown.other, folded))
    }
    return chosen
  }

  /// Each route seen sent to each upstream, busiest first.
  func upstreamObservations() -> [UpstreamObservation] {
    var observations: [UpstreamObservation] = []
    for (key, breakdown) in aggregate.breakdowns {
      let routes = breakdown.keys[RequestBreakdown.Dimension.route.rawValue]
      let upstreams = breakdown.keys[RequestBreakdown.Dimension.upstream.rawValue]
      for (edge, count) in breakdown.edges {
        let upstream = upstreams[edge.upstream].name
        observations.append(
          UpstreamObservation(
            proxy: key.service, route: routes[edge.route].name, upstream: upstream,
            service: UpstreamObservation.service(ofUpstream: upstream, proxy: key.service), requests: count))
      }
    }
    return observations.sorted {
      ($1.requests, $0.proxy, $0.route, $0.upstream) < ($0.requests, $1.proxy, $1.route, $1.upstream)
    }
  }
}
