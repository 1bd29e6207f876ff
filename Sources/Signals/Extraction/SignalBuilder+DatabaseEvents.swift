import Formats

extension SignalBuilder {
  /// The typed events a database's own log records (`FATAL:  sorry, too many clients already`, `deadlock
  /// detected`, statement timeouts, slow statements), one signal per kind for the service whose log says them:
  /// observed there and concerning it, so `component` and `resource` are both that service.
  ///
  /// A client's log relays such a line after libpq's own words; the resource is then the database (`postgres`)
  /// and the service its client.
  ///
  /// `templates` are the service's log-template signals; a template counts when its first example holds one
  /// of `DatabaseEventPhrases`, and the kind's signal adds the template's rates together.
  static func databaseEvents(of service: String, from templates: [Signal]) -> [Signal] {
    var byKind: [SignalKind: (row: DatabaseEventPhrases.Row, templates: [Signal])] = [:]
    for template in templates {
      guard let first = template.examples.first, let row = DatabaseEventPhrases.row(for: first.text) else {
        continue
      }
      byKind[row.kind, default: (row, [])].templates.append(template)
    }
    return byKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, found in
      var values = found.templates[0].values
      for template in found.templates.dropFirst() {
        for index in values.indices { values[index] += template.values[index] }
      }
      let examples = found.templates.flatMap(\.examples).sorted {
        ($0.milliseconds, $0.path, $0.line) < ($1.milliseconds, $1.path, $1.line)
      }
      // libpq hands the server's refusal on to the client (`connection to server at … failed: FATAL:  sorry,
      // too many clients already`): there the database is another component, and the service its client.
      let relayed = examples.first.map { Self.relayedPhrases.contains(where: $0.text.contains) } ?? false
      return Signal(
        key: SignalKey(
          component: service, kind: kind, source: relayed ? SignalKey.clientLogSource : "server log"),
        name: "\(service) \(found.row.meaning) (its log)", unit: "events/s", role: .resource,
        startMilliseconds: found.templates[0].startMilliseconds,
        stepMilliseconds: found.templates[0].stepMilliseconds, values: values,
        sources: found.templates[0].sources,
        examples: Array(examples.prefix(3)), firstSeenMilliseconds: examples.first?.milliseconds,
        client: relayed ? service : nil, resource: relayed ? "postgres" : service)
    }
  }

  /// What libpq writes before a message it relays from the server.
  private static let relayedPhrases = ["connection to server", "could not connect to server"]
}
