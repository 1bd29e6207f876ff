import Testing

@testable import Analysis
@testable import Formats
@testable import Signals

/// The database patterns on hand-built incidents: a lock held by one client, one client's queries saturating
/// the database, the database restarting; each with the decoy a naive analyzer would blame.
@Suite("Database incidents: lock contention, saturation, unavailability")
struct DatabasePatternTests {
  typealias S = SyntheticIncidents

  /// `shipping` and `ratings` call the database; each serves requests at a steady rate.
  static func services(slowFrom shipping: Int?, failFrom ratings: Int?) -> [Signal] {
    var signals: [Signal] = []
    for (salt, service) in ["shipping", "ratings"].enumerated() {
      signals.append(
        S.signal(service, .requestRate, role: .load, unit: "req/s") { 40 + S.noise($0, salt, scale: 3) })
    }
    signals.append(
      S.signal("shipping", .latencyP90, role: .symptom, unit: "s") {
        $0 < (shipping ?? .max) ? 0.2 + S.noise($0, 5, scale: 0.02) : 6 + S.noise($0, 6, scale: 0.5)
      })
    signals.append(
      S.signal("ratings", .errorRate, role: .symptom, unit: "ratio") { $0 < (ratings ?? .max) ? 0 : 0.5 })
    for service in ["shipping", "ratings"] {
      var connections = S.signal(
        "mysql", .dbConnections, subject: service, role: .resource, unit: "connections"
      ) {
        5 + S.noise($0, service.count, scale: 0.5)
      }
      connections.client = service
      signals.append(connections)
    }
    return signals
  }

  /// A client log's typed event (1205, 2013…): events/s from `from`.
  static func event(_ service: String, _ kind: SignalKind, from: Int) -> Signal {
    var signal = S.signal(service, kind, role: .symptom, unit: "lines/s") { $0 < from ? 0 : 0.5 }
    signal.key.source = SignalKey.clientLogSource
    signal.client = service
    signal.resource = "mysql"
    signal.firstSeenMilliseconds = S.start + Int64(from) * S.step
    return signal
  }

  static func lockIncident() -> Extraction {
    var signals = services(slowFrom: 105, failFrom: nil)
    var age = S.signal("mysql", .dbTransactionAge, subject: "report", role: .resource, unit: "s") {
      $0 < 90 ? 1 + S.noise($0, 3, scale: 0.5) : Double($0 - 90) * 10
    }
    age.client = "report"
    signals.append(age)
    signals.append(
      S.signal("mysql", .dbRowLockWaits, role: .resource, unit: "transactions") { $0 < 100 ? 0 : 4 })
    signals.append(event("shipping", .dbLockWaitTimeouts, from: 105))
    var extraction = S.extraction(signals, services: ["shipping", "ratings"])
    var evidence = InnoDBEvidence()
    evidence.keep(
      OpenTransaction(
        InnoDBTransaction(
          id: "4711", activeSeconds: 1500, state: "", threadID: 42, host: "10.0.9.1", user: "report",
          lockStructs: 2,
          rowLocks: 3, undoEntries: 1, lockWaitSeconds: nil, statement: nil, line: 12),
        path: "innodb.txt", milliseconds: S.start + 150 * S.step))
    evidence.keep(
      CitedLockWait(
        LockWait(waitingThread: 7, waitSeconds: 30, blockingThread: 42), path: "lock-waits.txt", line: 1,
        milliseconds: S.start + 150 * S.step))
    extraction.innodb = evidence
    return extraction
  }

  @Test(
    "an idle transaction's locks: its client is the origin, the database the resource, the waiters collateral"
  )
  func lockContention() {
    let document = IncidentAnalyzer.analyze(Self.lockIncident(), title: "t").document
    #expect(document.rootCause.kind == .lockContention)
    #expect(document.rootCause.component == "report" && document.rootCause.client == "report")
    #expect(document.rootCause.resource == "mysql")
    let onset = Timestamp(rfc3339: document.rootCause.onset)!.milliseconds
    #expect(abs(onset - (S.start + 90 * S.step)) <= S.step)
    #expect(document.chain.contains { $0.component == "shipping" && $0.role == "collateral" })
  }

  @Test("a slowdown with quiet locks: lock contention is ruled out with the row lock waits and no 1205")
  func quietLocks() {
    var signals = Self.services(slowFrom: 105, failFrom: nil)
    signals.append(S.signal("mysql", .dbRowLockWaits, role: .resource, unit: "transactions") { _ in 0 })
    let document = IncidentAnalyzer.analyze(
      S.extraction(signals, services: ["shipping", "ratings"]), title: "t"
    ).document
    #expect(document.rootCause.kind != .lockContention)
    let ruledOut = document.ruledOut.first { $0.cause == "lock contention" }
    #expect(ruledOut?.why.contains("0 → 0") == true && ruledOut?.why.contains("no 1205") == true)
  }

  @Test("a report job's queries saturate the database: the job is the origin though it is no service")
  func saturationByOneClient() {
    var signals = Self.services(slowFrom: 104, failFrom: nil)
    signals.append(
      S.signal("mysql", .dbThreadsRunning, role: .resource, unit: "threads") {
        $0 < 100 ? 3 + S.noise($0, 4, scale: 0.6) : 40
      })
    for (user, busy) in [("report", true), ("shipping", false)] {
      var time = S.signal("mysql", .dbQueryTime, subject: user, role: .resource, unit: "s/s") {
        busy && $0 >= 100 ? 30 + S.noise($0, 8, scale: 1) : 0.3 + S.noise($0, user.count, scale: 0.05)
      }
      time.client = user
      signals.append(time)
    }
    let document = IncidentAnalyzer.analyze(
      S.extraction(signals, services: ["shipping", "ratings"]), title: "t"
    ).document
    #expect(document.rootCause.kind == .databaseSaturation)
    #expect(document.rootCause.component == "report" && document.rootCause.client == "report")
    let onset = Timestamp(rfc3339: document.rootCause.onset)!.milliseconds
    #expect(abs(onset - (S.start + 100 * S.step)) <= S.step)
  }

  @Test("a database busy because traffic surged is not one client's saturation")
  func busyFromSurge() {
    var signals: [Signal] = []
    for (salt, service) in ["shipping", "ratings"].enumerated() {
      signals.append(
        S.signal(service, .requestRate, role: .load, unit: "req/s") {
          ($0 < 95 ? 40 : 160) + S.noise($0, salt, scale: 3)
        })
      signals.append(
        S.signal(service, .latencyP90, role: .symptom, unit: "s") {
          $0 < 100 ? 0.2 + S.noise($0, salt + 5, scale: 0.02) : 3
        })
      var time = S.signal("mysql", .dbQueryTime, subject: service, role: .resource, unit: "s/s") {
        ($0 < 95 ? 1 : 4) + S.noise($0, salt + 9, scale: 0.1)
      }
      time.client = service
      signals.append(time)
    }
    signals.append(
      S.signal("mysql", .dbThreadsRunning, role: .resource, unit: "threads") {
        $0 < 96 ? 3 + S.noise($0, 4, scale: 0.6) : 30
      })
    let document = IncidentAnalyzer.analyze(
      S.extraction(signals, services: ["shipping", "ratings"]), title: "t"
    ).document
    #expect(document.rootCause.kind != .databaseSaturation)
  }

  @Test("the database restarts and every client loses it: the database is the origin")
  func restart() {
    var signals = Self.services(slowFrom: 121, failFrom: 121)
    var restart = S.signal("mysql", .changes, subject: "restart", role: .change, unit: "events/s") {
      $0 == 120 ? 0.1 : 0
    }
    restart.key.source = "server log"
    restart.firstSeenMilliseconds = S.start + 120 * S.step
    signals.append(restart)
    signals.append(Self.event("shipping", .dbUnreachable, from: 120))
    signals.append(Self.event("ratings", .dbUnreachable, from: 120))
    let document = IncidentAnalyzer.analyze(
      S.extraction(signals, services: ["shipping", "ratings"]), title: "t"
    ).document
    #expect(document.rootCause.kind == .databaseUnavailable)
    #expect(document.rootCause.component == "mysql" && document.rootCause.client == nil)
    let onset = Timestamp(rfc3339: document.rootCause.onset)!.milliseconds
    #expect(abs(onset - (S.start + 120 * S.step)) <= S.step)
    #expect(document.chain.filter { $0.role == "collateral" }.count == 2)
  }
}
