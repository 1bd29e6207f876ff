import Formats
import Testing

@testable import Signals

@Suite("Processlist evidence")
struct ProcesslistEvidenceTests {
  @Test("ports are stripped from IPv4, IPv6 and names, bare hosts stay")
  func stripPort() {
    #expect(ProcesslistEvidence.stripPort("10.0.3.7:51234") == "10.0.3.7")
    #expect(ProcesslistEvidence.stripPort("[2a02:cf40::7]:3000") == "[2a02:cf40::7]")
    #expect(ProcesslistEvidence.stripPort("localhost") == "localhost")
    #expect(ProcesslistEvidence.stripPort("db.internal:3306") == "db.internal")
    #expect(ProcesslistEvidence.stripPort("::1") == "::1")
  }

  @Test("users are ranked by connections, with their longest-idle ids")
  func ranking() {
    func row(_ id: Int64, _ user: String, _ command: String, _ seconds: Int) -> ProcesslistRow {
      ProcesslistRow(
        id: id, user: user, host: "10.0.0.\(id % 3):4\(id)", database: nil, command: command,
        seconds: seconds,
        state: nil, info: nil)
    }
    let snapshot = ProcesslistSnapshot(
      time: Timestamp(milliseconds: 0), line: 7,
      rows: [
        row(1, "app", "Sleep", 30), row(2, "app", "Sleep", 1200), row(3, "app", "Query", 0),
        row(4, "report", "Sleep", 5),
      ])
    let evidence = ProcesslistEvidence(snapshot: snapshot, path: "p.txt")
    #expect(evidence.users.map(\.user) == ["app", "report"])
    #expect(evidence.users[0].connections == 3)
    #expect(evidence.users[0].sleeping == 2)
    #expect(evidence.users[0].oldestIdleSeconds == 1200)
    #expect(evidence.users[0].idlestIds == [2, 1])
    #expect(evidence.line == 7)
  }
}
