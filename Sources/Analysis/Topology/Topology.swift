import Signals

/// Who calls whom, inferred from the evidence and never from names alone: database clients from the users
/// holding connections, callers from signals that name their client (a mesh's `source_workload`), outbound
/// dependencies from the hosts clients' errors name, and proxies from the upstreams their access logs route to.
struct Topology: Equatable {
  /// A call or a connection: `caller` depends on `callee`.
  struct Edge: Hashable, Comparable {
    var caller: String
    var callee: String
    /// How the edge was inferred, for the report (`processlist user shipping`, `access log upstream`).
    var via: String

    static func < (lhs: Edge, rhs: Edge) -> Bool {
      (lhs.caller, lhs.callee, lhs.via) < (rhs.caller, rhs.callee, rhs.via)
    }
  }

  private(set) var edges: [Edge] = []
  /// Components that route requests to others (edge proxies, gateways, load balancers): conduits, never an
  /// origin unless the evidence is about the proxy itself.
  private(set) var conduits: Set<String> = []
  /// Components that hold database state (connections, locks, queries).
  private(set) var databases: Set<String> = []

  init(edges: [Edge] = [], conduits: Set<String> = [], databases: Set<String> = []) {
    self.conduits = conduits
    self.databases = databases
    for edge in edges { add(edge) }
  }

  init(extraction: Extraction, dependencies: DependencyMap, extra: [Edge] = []) {
    for signal in extraction.signals where signal.key.kind.rawValue.hasPrefix("db-") {
      databases.insert(signal.key.component)
    }
    for signal in extraction.signals {
      let key = signal.key
      let category = SignalSemantics.meaning(of: signal).category
      if let user = Fact.client(from: key), databases.contains(key.component) {
        let caller = dependencies.service(forUser: user) ?? user
        add(Edge(caller: caller, callee: key.component, via: "database user \(user)"))
      }
      if let client = signal.client, client != key.component, category == .load || category == .symptom {
        add(Edge(caller: client, callee: key.component, via: "requests from \(client)"))
      }
      if let resource = signal.resource, resource != key.component {
        if key.subject?.hasPrefix("upstream=") == true {
          // A proxy's per-upstream request signals: it routes to the upstream.
          add(Edge(caller: key.component, callee: resource, via: "routes to upstream \(resource)"))
          conduits.insert(key.component)
        } else {
          add(Edge(caller: key.component, callee: resource, via: signal.name))
        }
      }
    }
    for edge in extra { add(edge) }
  }

  mutating func add(_ edge: Edge) {
    guard edge.caller != edge.callee,
      !edges.contains(where: { $0.caller == edge.caller && $0.callee == edge.callee })
    else { return }
    edges.append(edge)
    edges.sort()
  }

  func callees(of component: String) -> [String] { edges.filter { $0.caller == component }.map(\.callee) }
  func callers(of component: String) -> [String] { edges.filter { $0.callee == component }.map(\.caller) }

  /// Whether `caller` reaches `callee` through one or more calls.
  func dependsOn(_ caller: String, _ callee: String) -> Bool {
    var seen: Set<String> = [caller]
    var frontier = [caller]
    while let next = frontier.popLast() {
      for target in callees(of: next) where seen.insert(target).inserted {
        if target == callee { return true }
        frontier.append(target)
      }
    }
    return false
  }

  /// Whether the two share a callee (two clients of one database): co-tenants.
  func shareCallee(_ one: String, _ other: String) -> Bool {
    !Set(callees(of: one)).isDisjoint(with: callees(of: other))
  }
}
