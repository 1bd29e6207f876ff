import Signals

/// What every pattern reads: the evidence index, the topology inferred from it, and the look-ups built on
/// them.
struct IncidentContext {
  let extraction: Extraction
  let evidence: EvidenceIndex
  let dependencies: DependencyMap
  let topology: Topology
  /// Components that serve requests or run code: those with logs or access logs, and those whose metrics
  /// say so (request, latency or runtime series), databases excepted.
  let services: Set<String>
  /// Robust anomaly per component around the incident's onset: the fallback ranking.
  let anomalies: AnomalyScores

  /// How many of `extraction.signals` describe whole components; breakdowns (by route, upstream, client)
  /// follow them.
  let wholeSignals: Int

  init(
    extraction: Extraction, evidence: EvidenceIndex, wholeSignals: Int? = nil,
    extraEdges: [Topology.Edge] = []
  ) {
    self.extraction = extraction
    self.wholeSignals = wholeSignals ?? extraction.signals.count
    self.evidence = evidence
    let users = Set(
      extraction.signals.compactMap { signal in
        signal.key.kind == .dbConnections ? Fact.client(from: signal.key) : nil
      })
    var services = Set(extraction.services)
    for signal in extraction.signals {
      let kind = signal.key.kind
      if SignalSemantics.latencies.contains(kind) || kind == .requestRate || kind == .errorRate
        || SignalSemantics.serviceResources.contains(kind)
      {
        services.insert(signal.key.component)
      }
    }
    dependencies = DependencyMap(services: services.sorted(), databaseUsers: users.sorted())
    topology = Topology(extraction: extraction, dependencies: dependencies, extra: extraEdges)
    self.services = services.subtracting(topology.databases)
    let onset =
      evidence.facts.first { $0.isAdverse && $0.category == .symptom }
      ?? evidence.facts.first { $0.isAdverse && $0.category != .context }
    anomalies = AnomalyScores(extraction: extraction, onset: onset?.milliseconds)
  }

  var findings: [Finding] { evidence.facts.map(\.finding) }

  func signal(_ finding: Finding) -> Signal { extraction.signals[finding.signal] }

  /// Findings on signals matching `kind` (and `component`, `subject` when given), earliest first.
  func findings(
    _ kind: SignalKind, component: String? = nil, subject: String?? = nil, changes: Set<ChangeKind>? = nil
  ) -> [Finding] {
    evidence.facts.compactMap { fact in
      let key = signal(fact.finding).key
      let matches =
        key.kind == kind && (component == nil || key.component == component)
        && (subject == nil || key.subject == subject!)
        && (changes == nil || changes!.contains(fact.finding.change))
      return matches ? fact.finding : nil
    }
  }

  /// The fact of a finding.
  func fact(_ finding: Finding) -> Fact? { evidence.facts.first { $0.finding == finding } }

  /// Adverse changes users of a service would feel: latency or error rises, warnings and new error lines.
  var symptoms: [Finding] {
    evidence.facts.filter { $0.isAdverse && $0.category == .symptom && services.contains($0.component) }
      .map(\.finding)
  }

  /// The earliest symptom of each service.
  var firstSymptomByService: [String: Finding] {
    var first: [String: Finding] = [:]
    for finding in symptoms {
      let service = signal(finding).key.component
      if first[service] == nil { first[service] = finding }
    }
    return first
  }

  /// When users first felt something: the earliest symptom of any service.
  var incidentOnset: Finding? { symptoms.first }

  /// Whole-component signals of `kind` (and `component`, `subject`), in key order.
  func signals(_ kind: SignalKind, component: String? = nil, subject: String?? = nil) -> [Signal] {
    extraction.signals[..<wholeSignals].filter { signal in
      signal.key.kind == kind && (component == nil || signal.key.component == component)
        && (subject == nil || signal.key.subject == subject!)
    }
  }

  /// Whether `earlier` precedes `later` beyond both entries' uncertainty: the only ordering claims the
  /// report makes.
  static func precedes(_ earlier: Finding, _ later: Finding) -> Bool {
    earlier.milliseconds + max(earlier.uncertaintyMilliseconds, later.uncertaintyMilliseconds)
      < later.milliseconds
  }

  /// The victims of an origin: components that call it (directly or through others) or share a callee with
  /// it, never those that merely suffered later.
  func isVictim(_ component: String, of origin: String) -> Bool {
    topology.dependsOn(component, origin) || topology.shareCallee(component, origin)
  }
}
