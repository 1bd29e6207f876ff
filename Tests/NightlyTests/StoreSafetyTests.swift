import Foundation
import Nightly
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(
  "The store under schedulers: kill -9, concurrent runs",
  .serialized,
  .enabled(if: CommandLineTool.path != nil, "the postmortem executable is not built beside the tests"))
struct StoreSafetyTests {
  @Test(
    "kill -9 at any moment of a run leaves a consistent store, and the finished run gives the clean store")
  func killNine() throws {
    let scratch = try Week.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let store = scratch + "/store"
    let reference = scratch + "/reference"
    for number in 1...3 {
      _ = try Week.run(day: number, store: store)
      _ = try Week.run(day: number, store: reference)
    }
    _ = try Week.run(day: 4, store: reference)
    let config = try CommandLineTool.config(day: 4, store: store)

    // How long a whole run takes here, so the kills spread over all of it, store write included.
    let clock = ContinuousClock()
    let timing = scratch + "/timing"
    let timed = try clock.measure {
      let process = try CommandLineTool.start([
        "nightly", "--config", try CommandLineTool.config(day: 4, store: timing),
      ])
      process.waitUntilExit()
    }
    let total = Double(timed.components.seconds) + Double(timed.components.attoseconds) / 1e18
    var before = 0
    var after = 0
    let kills = 16
    for index in 0..<kills {
      let process = try CommandLineTool.start(["nightly", "--config", config, "--quiet"])
      usleep(useconds_t(total * 1e6 * (0.35 + 0.7 * Double(index) / Double(kills))))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let reopened = try HistoryStore(directory: store)
      #expect(try reopened.consistencyProblems() == [], "after kill \(index + 1)")
      let nights = try reopened.nights()
      #expect(nights.count == 3 || nights.count == 4, "\(nights)")
      if nights.count == 3 { before += 1 } else { after += 1 }
    }
    print(
      "kill -9: \(kills) kills over a \(total) s run; \(before) before the night was stored, \(after) after")
    let finish = try CommandLineTool.start(["nightly", "--config", config, "--quiet"])
    finish.waitUntilExit()
    #expect(finish.terminationStatus == 0)
    #expect(try HistoryStore(directory: store).dump() == HistoryStore(directory: reference).dump())
  }

  @Test("a second run fails at once with a clear message while the first holds the store, or waits for it")
  func concurrentRuns() throws {
    let scratch = try Week.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let store = scratch + "/store"
    try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
    let held = Mutex<StoreLock?>(try StoreLock(directory: store, waitSeconds: 0))

    let errors = Pipe()
    let second = try CommandLineTool.start(
      ["nightly", "--config", try CommandLineTool.config(day: 1, store: store)], errors: errors)
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    second.waitUntilExit()
    #expect(second.terminationStatus == 4)
    #expect(message.contains("another nightly run holds the store's lock"), "\(message)")

    #expect(throws: NightlyError.storeBusy(path: store, waitedSeconds: 0)) {
      try Week.run(day: 1, store: store)
    }
    var config = try Week.config(day: 1, store: store)
    config.wait = "20s"
    let release = Thread {
      usleep(500_000)
      held.withLock { $0 = nil }
    }
    release.start()
    let outcome = try NightlyRun.run(NightlyOptions(config: config, nowMilliseconds: 0))
    #expect(outcome.report.exitCode == 0)
    #expect(held.withLock { $0 == nil })
  }

  @Test("the schema is versioned: a new store records its migrations, reopening applies nothing twice")
  func migrations() throws {
    let scratch = try Week.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let first = try HistoryStore(directory: scratch).appliedMigrations()
    #expect(first.count >= 1 && first[0].hasPrefix("v1"))
    #expect(try HistoryStore(directory: scratch).appliedMigrations() == first)
  }
}
