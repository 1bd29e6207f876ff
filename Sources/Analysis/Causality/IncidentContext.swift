import Signals

/// The extraction and its findings, with the look-ups every hypothesis needs.
struct IncidentContext {
  let extraction: Extraction
  let findings: [Finding]
  let dependencies: DependencyMap
  let services: Set<String>

  init(extraction: Extraction, findings: [Finding]) {
    self.extraction = extraction
    self.findings = findings.sorted { ($0.milliseconds, $0.signal) < ($1.milliseconds, $1.signal) }
    services = Set(extraction.services)
    let users = Set(
      extraction.signals.compactMap { signal in
        signal.key.kind == .dbConnections ? signal.key.subject : nil
      })
    dependencies = DependencyMap(services: extraction.services, databaseUsers: users.sorted())
  }

  func signal(_ finding: Finding) -> Signal { extraction.signals[finding.signal] }

  /// Findings on signals matching `kind` (and `component`, `subject` when given), earliest first.
  func findings(
    _ kind: SignalKind, component: String? = nil, subject: String?? = nil, changes: Set<ChangeKind>? = nil
  ) -> [Finding] {
    findings.filter { finding in
      let key = signal(finding).key
      return key.kind == kind && (component == nil || key.component == component)
        && (subject == nil || key.subject == subject!)
        && (changes == nil || changes!.contains(finding.change))
    }
  }

  /// Adverse changes that users of a service would feel: latency or error rises, warnings and new error lines.
  var symptoms: [Finding] {
    findings.filter { finding in
      let signal = signal(finding)
      return signal.role == .symptom && finding.isAdverse && services.contains(signal.key.component)
    }
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

  /// Signals of `kind` (and `component`, `subject`), in key order.
  func signals(_ kind: SignalKind, component: String? = nil, subject: String?? = nil) -> [Signal] {
    extraction.signals.filter { signal in
      signal.key.kind == kind && (component == nil || signal.key.component == component)
        && (subject == nil || signal.key.subject == subject!)
    }
  }
}
