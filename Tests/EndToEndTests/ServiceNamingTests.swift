import Foundation
import Signals
import Testing

/// Which service logs land under: a rule for the file, else the record's own name, else the path.
@Suite("Service names from records, paths and rules")
struct ServiceNamingTests {
  /// Ten minutes of two daemons in one syslog file, and a plain log named by its folder.
  private static func bundle() throws -> URL {
    let directory = try Bundles.temporaryDirectory()
    let syslog = (0..<600).map { second in
      let stamp = String(format: "Nov 27 03:%02d:%02d", second / 60, second % 60)
      return "\(stamp) db1 \(second % 2 == 0 ? "sshd[2415]" : "cron[77]"): tick \(second)"
    }
    try Data((syslog.joined(separator: "\n") + "\n").utf8).write(
      to: directory.appendingPathComponent("syslog"))
    let app = directory.appendingPathComponent("logs/shipping")
    try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
    let lines = (0..<600).map { String(format: "2026-11-27 03:%02d:%02d,000 INFO started", $0 / 60, $0 % 60) }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: app.appendingPathComponent("app.log"))
    return directory
  }

  @Test("a syslog file's apps are services of their own; a plain log's service comes from its path")
  func fromRecords() throws {
    let directory = try Self.bundle()
    defer { try? FileManager.default.removeItem(at: directory) }
    let extraction = SignalExtractor.extract(
      paths: [directory.path], options: ExtractionOptions(read: .init(year: 2026)))
    #expect(extraction.services == ["cron", "shipping", "sshd"])
    let syslog = try #require(extraction.sources.first { $0.path.hasSuffix("/syslog") })
    #expect(syslog.service == "cron, sshd")
    let sshd = try #require(
      extraction.signals.first { $0.key.component == "sshd" && $0.key.kind == .logLevel })
    #expect(sshd.values.filter { !$0.isNaN }.allSatisfy { $0 == 0.5 })  // every other second
  }

  @Test("a --service rule puts a whole file under one name, over its records' names")
  func rule() throws {
    let directory = try Self.bundle()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = ["syslog=db-host", "*/logs/*/app.log=ship"].compactMap(ServiceNaming.Rule.init)
    let extraction = SignalExtractor.extract(
      paths: [directory.path],
      options: ExtractionOptions(read: .init(year: 2026), naming: ServiceNaming(rules: rules)))
    #expect(extraction.services == ["db-host", "ship"])
    #expect(
      ServiceNaming.Rule("=x") == nil && ServiceNaming.Rule("x=") == nil && ServiceNaming.Rule("x") == nil)
  }
}
