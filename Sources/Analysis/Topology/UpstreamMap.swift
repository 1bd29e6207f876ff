import Signals

/// Which service each upstream a proxy's access log names is: the upstream's own name when it has one
/// (an Envoy cluster, a host name), else the service a route's path names when every route sent there agrees
/// (`GET /payments/api/charge` to `127.0.0.1:24962` is `payments`, when a `payments` service is in the
/// evidence). Addresses alone name nothing: such an upstream stays its address.
struct UpstreamMap {
  /// `proxy` → upstream as logged → service.
  private(set) var services: [String: [String: String]] = [:]
  /// Upstreams that are the logging workload itself (a sidecar's `inbound|8080||`), by proxy.
  private(set) var own: [String: Set<String>] = [:]

  init(extraction: Extraction) {
    var known = Set(extraction.services)
    for signal in extraction.signals where !signal.key.kind.rawValue.hasPrefix("db-") {
      known.insert(signal.key.component)
    }
    var candidates: [String: [String: Set<String>]] = [:]
    for observation in extraction.upstreams {
      let service = observation.service ?? Self.service(inRoute: observation.route, known: known)
      guard let service else { continue }
      guard service != observation.proxy else {
        own[observation.proxy, default: []].insert(observation.upstream)
        continue
      }
      candidates[observation.proxy, default: [:]][observation.upstream, default: []].insert(service)
    }
    for (proxy, upstreams) in candidates {
      for (upstream, named) in upstreams where named.count == 1 {
        services[proxy, default: [:]][upstream] = named.first
      }
    }
  }

  /// The first segment of a route's path that is a known service's name.
  static func service(inRoute route: String, known: Set<String>) -> String? {
    let path = route.split(separator: " ").last ?? Substring(route)
    return path.split(separator: "/").lazy.map(String.init).first { known.contains($0) }
  }

  /// The extraction's signals followed by its per-route, per-upstream and per-client breakdowns, each
  /// upstream's `resource` rewritten to the service it is.
  func signals(of extraction: Extraction) -> [Signal] {
    extraction.signals
      + extraction.breakdownSignals.map { signal in
        var signal = signal
        guard let upstream = signal.resource else { return signal }
        if let service = services[signal.key.component]?[upstream] {
          signal.resource = service
        } else if own[signal.key.component]?.contains(upstream) == true {
          // A sidecar's requests into its own workload: the workload's own evidence, routed nowhere.
          signal.resource = nil
        }
        return signal
      }
  }
}
