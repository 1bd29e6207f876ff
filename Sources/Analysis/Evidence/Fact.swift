import Signals

/// One cited fact of the incident: a significant change of one signal, read for what it means — where it
/// was seen, who drives it, what it concerns, and whether it hurts.
struct Fact: Equatable {
  var finding: Finding
  var kind: SignalKind
  var category: SignalSemantics.Category
  /// Where the change was observed (`mysql`, `billing`).
  var component: String
  /// Who drives it when known: a DB user, a calling service, a client address.
  var client: String?
  /// The shared thing it concerns when that is not the component: a database, an external host, an upstream.
  var resource: String?
  /// True when the change makes things worse: a rise of what hurts when it rises, a fall of what hurts when
  /// it falls, a plateau at a limit, a new error line or event.
  var isAdverse: Bool

  var signal: Int { finding.signal }
  var milliseconds: Int64 { finding.milliseconds }
  var uncertaintyMilliseconds: Int64 { finding.uncertaintyMilliseconds }
  var magnitude: Double { finding.magnitude }

  init(finding: Finding, signal: Signal) {
    self.finding = finding
    let meaning = SignalSemantics.meaning(of: signal)
    kind = signal.key.kind
    category = meaning.category
    component = signal.key.component
    client = signal.client ?? Self.client(from: signal.key)
    resource = signal.resource ?? Self.resource(of: signal)
    switch finding.change {
    case .rise: isAdverse = !meaning.fallHurts
    case .drop: isAdverse = meaning.fallHurts
    case .plateau, .new: isAdverse = true
    }
  }

  /// Per-user database series name their user as the subject (`shipping`, or `user=shipping` from an
  /// exporter's labels); clients' refusals name the client (`client=ratings`).
  static func client(from key: SignalKey) -> String? {
    guard let subject = key.subject, key.kind.rawValue.hasPrefix("db-") else { return nil }
    for prefix in ["client=", "user="] where subject.hasPrefix(prefix) {
      let value = subject.dropFirst(prefix.count).prefix { $0 != "," }
      return value.isEmpty ? nil : String(value)
    }
    guard Self.perUser.contains(key.kind), !subject.contains("=") else { return nil }
    return subject
  }

  /// Database signals whose subject is a DB user.
  private static let perUser: Set<SignalKind> = [
    .dbConnections, .dbSleeping, .dbIdleAge, .dbIdleAgeP90, .dbQueryTime, .dbTransactionAge, .dbSlowQueries,
  ]

  /// A database's own signals concern the database; a client's refusal signal is filed under the database.
  private static func resource(of signal: Signal) -> String? {
    signal.key.kind.rawValue.hasPrefix("db-") ? signal.key.component : nil
  }
}
