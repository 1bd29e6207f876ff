import Formats
import Foundation
import Signals
import Testing

/// A database's own log turns into typed events: PostgreSQL's refusals, deadlocks, statement timeouts and slow
/// statements, each a signal of its kind for the service whose log says it, which is also what it concerns.
@Suite("PostgreSQL's log as typed events")
struct DatabaseEventSignalsTests {
  @Test(
    "refused connections, deadlocks, statement timeouts and slow statements become signals of their kinds")
  func typedEvents() throws {
    let directory = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var lines: [String] = []
    for second in 0..<60 {
      let time = String(format: "2026-11-27 03:%02d:%02d.000 UTC", second / 60 + 4, second % 60)
      lines.append("\(time) [\(100 + second)] LOG:  connection received: host=10.0.0.\(second % 9) port=5432")
      if second >= 30 {
        lines.append("\(time) [\(200 + second)] FATAL:  sorry, too many clients already")
      }
      if second == 40 { lines.append("\(time) [300] ERROR:  deadlock detected") }
      if second % 20 == 5 {
        lines.append("\(time) [301] ERROR:  canceling statement due to statement timeout")
        lines.append("\(time) [302] LOG:  duration: 5012.3\(second) ms  statement: SELECT * FROM orders")
      }
    }
    let path = directory.appendingPathComponent("postgres.log").path
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))

    let extraction = SignalExtractor.extract(paths: [directory.path], options: ExtractionOptions())
    #expect(extraction.sources.first?.stats.format == .postgresql)
    let events = extraction.signals.filter {
      [.dbConnectionErrors, .dbDeadlocks, .dbStatementTimeouts, .dbSlowQueries].contains($0.key.kind)
    }
    #expect(
      Set(events.map(\.key.kind)) == [
        .dbConnectionErrors, .dbDeadlocks, .dbStatementTimeouts, .dbSlowQueries,
      ])
    for signal in events {
      #expect(signal.key.component == "postgres", "\(signal.key)")
      #expect(signal.resource == "postgres", "\(signal.key)")
      #expect(signal.client == nil)
      #expect(!signal.examples.isEmpty && signal.firstSeenMilliseconds != nil)
    }
    let refusals = try #require(events.first { $0.key.kind == .dbConnectionErrors })
    let perSecond: [Double] = refusals.values.filter { !$0.isNaN }
    let refused: Double = perSecond.reduce(0, +) * Double(refusals.stepMilliseconds) / 1000
    #expect(refused > 0 && refused <= 30)
    // 2026-11-27T03:04:30Z, the first refusal.
    #expect(refusals.firstSeenMilliseconds == 1_795_748_670_000)
    #expect(refusals.examples.first.map { $0.text.contains("too many clients") } == true)
  }

}
