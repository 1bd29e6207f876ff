/// Log templates that report a typed event — a database error as a client logged it, a restart in the
/// database's own log — summed per service and event kind into one signal, so that an event written in many
/// shapes (a driver's message, its wrapper's, the stack trace's first line) is counted as one.
extension SignalBuilder {
  /// Whether a template's first line is one of the vocabularies' events.
  static func isTypedEvent(_ line: String) -> Bool {
    DatabaseErrorVocabulary.event(in: line) != nil || RestartVocabulary.event(in: line) != nil
  }

  /// One signal per event kind of `service`'s matching templates.
  static func typedEvents(of service: String, from templates: [Signal]) -> [Signal] {
    var groups: [SignalKind: (templates: [Signal], labels: [String])] = [:]
    for template in templates {
      guard let text = template.examples.first?.text else { continue }
      if let row = DatabaseErrorVocabulary.event(in: text) {
        groups[row.event.kind, default: ([], [])].templates.append(template)
        groups[row.event.kind]!.labels.append(row.codes)
      } else if let row = RestartVocabulary.event(in: text) {
        groups[.changes, default: ([], [])].templates.append(template)
        groups[.changes]!.labels.append(row.event.rawValue)
      }
    }
    return groups.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, group in
      let first = group.templates[0]
      var values = first.values
      for template in group.templates.dropFirst() {
        for index in values.indices { values[index] += template.values[index] }
      }
      let examples = group.templates.flatMap(\.examples).sorted(by: ExampleLine.chronological)
      let labels = Array(Set(group.labels)).sorted().joined(separator: ", ")
      let database = ProcesslistAggregate.component
      var signal = Signal(
        key: SignalKey(component: service, kind: kind, source: SignalKey.clientLogSource),
        name: "\(service) \(Self.eventName(kind)) (\(labels))", unit: "lines/s", role: .symptom,
        startMilliseconds: first.startMilliseconds, stepMilliseconds: first.stepMilliseconds, values: values,
        sources: first.sources, examples: Array(examples.prefix(3)),
        firstSeenMilliseconds: examples.first?.milliseconds,
        client: service, resource: database)
      switch kind {
      case .dbConnectionErrors:
        // The database's refusals as its clients logged them: a signal of the database, by client.
        signal.key = SignalKey(
          component: database, kind: kind, subject: "client=\(service)", source: SignalKey.clientLogSource)
        signal.name = "mysql connections refused (\(service) log: \(labels))"
        signal.role = .resource
      case .changes:
        signal.key = SignalKey(component: service, kind: kind, subject: "restart", source: "server log")
        signal.role = .change
        signal.client = nil
        signal.resource = nil
      default:
        break
      }
      return signal
    }
  }

  private static func eventName(_ kind: SignalKind) -> String {
    switch kind {
    case .dbLockWaitTimeouts: "lock wait timeouts from mysql"
    case .dbDeadlocks: "deadlocks reported by mysql"
    case .dbUnreachable: "cannot reach mysql or lost the connection"
    case .dbStatementTimeouts: "statements killed at their time limit by mysql"
    case .poolTimeouts: "connection pool timeouts"
    case .changes: "restarts (server log)"
    default: kind.rawValue
    }
  }
}
