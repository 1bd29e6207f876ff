import Foundation
import Nightly
import SampleGenerator
import Synchronization

/// Seven generated days, written once per test run: days 1–5 ordinary, an incident in billing on day 6, a
/// new error in orders on day 7 (when the 02:00 export job also failed to run).
enum Week {
  static let days = 7

  /// Kept between test runs under a name that changes with the generator's version: generating a week costs
  /// more than all the runs over it. Written under a temporary name and renamed when whole.
  static var root: String {
    get throws {
      try cache.withLock { cached in
        if let cached { return cached }
        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory.appendingPathComponent("postmortem-week-\(version)").path
        if !fileManager.fileExists(atPath: root) {
          let partial = root + "-" + UUID().uuidString
          for index in 0..<days { try day(index).write(to: "\(partial)/day\(index + 1)") }
          do {
            try fileManager.moveItem(atPath: partial, toPath: root)
          } catch {
            try? fileManager.removeItem(atPath: partial)
            guard fileManager.fileExists(atPath: root) else { throw error }
          }
        }
        cached = root
        return root
      }
    }
  }

  /// Bump when `DayLogs` or `day(_:)` changes what is written.
  static let version = 1

  private static let cache = Mutex<String?>(nil)

  static func day(_ index: Int) -> DayLogs {
    var day = DayLogs.day(index)
    day.incident = index == 5
    day.newError = index == 6
    day.exportJobRuns = index != 6
    return day
  }

  /// A configuration reading day `number` (1-based) into `store`, reports under `store/reports`.
  static func config(day number: Int, store: String) throws -> NightlyConfig {
    NightlyConfig(paths: ["\(try root)/day\(number)"], store: store)
  }

  static func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "postmortem-nightly-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func run(day number: Int, store: String) throws -> NightlyOutcome {
    try NightlyRun.run(NightlyOptions(config: try config(day: number, store: store), nowMilliseconds: 0))
  }
}
