import Foundation
import Testing

@testable import Nightly

@Suite("Nightly configuration")
struct NightlyConfigTests {
  private func load(_ yaml: String) throws -> NightlyConfig {
    let folder = try Week.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/nightly.yaml"))
    return try NightlyConfig.load(folder + "/nightly.yaml")
  }

  @Test("relative paths are read from the configuration's folder")
  func relativePaths() throws {
    let config = try load("paths: [logs/*.gz, /abs/dir]\nstore: state\nday: 2026-11-27\n")
    #expect(config.paths[0].hasSuffix("/logs/*.gz") && config.paths[0].hasPrefix("/"))
    #expect(config.paths[1] == "/abs/dir")
    #expect(config.store.hasSuffix("/state") && config.day == "2026-11-27")
  }

  @Test(
    "mistakes are reported with the key to fix",
    arguments: [
      ("paths: [a]\nstroe: s\n", "unknown key `stroe`"),
      ("paths: [a]\n", "missing key `store`"),
      ("paths: [a]\nstore: s\nsince: 24h\nday: 2026-11-27\n", "`since` and `day` both set"),
      ("paths: [a]\nstore: s\nday: 2026-02-30\n", "`day: 2026-02-30`"),
      ("paths: [a]\nstore: s\nkeep: forever\n", "`keep: forever`"),
      ("paths: [a]\nstore: s\ntz: Mars/Olympus\n", "`tz: Mars/Olympus`"),
      ("paths: []\nstore: s\n", "`paths` lists nothing"),
      ("- just\n- a list\n", "expected a mapping"),
    ])
  func mistakes(yaml: String, message: String) throws {
    do {
      _ = try load(yaml)
      Issue.record("accepted: \(yaml)")
    } catch let error as NightlyError {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }

  @Test("a day window is that calendar day in the configuration's zone")
  func dayWindow() throws {
    var config = NightlyConfig(paths: ["x"], store: "s")
    config.day = "2026-11-27"
    config.tz = "+02:00"
    let window = try #require(NightlyOptions(config: config, nowMilliseconds: 0).window)
    #expect(window.from == 1_795_730_400_000)  // 2026-11-26T22:00:00Z
    #expect(window.to - window.from == 86_400_000)
    config.day = nil
    config.since = "24h"
    let since = try #require(NightlyOptions(config: config, nowMilliseconds: 1_795_800_000_000).window)
    #expect(since.from == 1_795_713_600_000 && since.to == 1_795_800_000_000)
  }

  @Test("a glob that matches nothing is skipped input, said by name; the night is still recorded")
  func unmatchedGlob() throws {
    let store = try Week.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: store) }
    var config = try Week.config(day: 1, store: store)
    config.paths.append(store + "/missing/*.gz")
    let outcome = try NightlyRun.run(NightlyOptions(config: config, nowMilliseconds: 0))
    #expect(outcome.report.exitCode == 1)
    #expect(outcome.report.input.errors.contains("\(store)/missing/*.gz: matches no file"))
    #expect(try HistoryStore(directory: store).nights() == ["2026-11-02"])
  }

  @Test("--dry-run reports and writes nothing; --keep drops nights older than the span")
  func dryRunAndRetention() throws {
    let store = try Week.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: store) }
    let dry = try NightlyRun.run(
      NightlyOptions(config: try Week.config(day: 1, store: store), dryRun: true, nowMilliseconds: 0))
    #expect(dry.directory == nil && dry.report.exitCode == 0)
    #expect(!FileManager.default.fileExists(atPath: store + "/history.sqlite"))
    _ = try Week.run(day: 1, store: store)
    _ = try Week.run(day: 2, store: store)
    var config = try Week.config(day: 3, store: store)
    config.keep = "2d"
    let outcome = try NightlyRun.run(NightlyOptions(config: config, nowMilliseconds: 0))
    #expect(outcome.report.expired == ["2026-11-02"])
    #expect(try HistoryStore(directory: store).nights() == ["2026-11-03", "2026-11-04"])
    #expect(try HistoryStore(directory: store).consistencyProblems() == [])
  }
}
