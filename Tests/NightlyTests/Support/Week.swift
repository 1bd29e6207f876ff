import Foundation
import Nightly
import SampleGenerator
import Synchronization

/// Seven generated days, written once per test run: days 1–5 ordinary, an incident in billing on day 6, a
/// new error in orders on day 7 (when the 02:00 export job also failed to run).
enum Week {
  static let days = 7

  static var root: String {
    get throws {
      try cache.withLock { cached in
        if let cached { return cached }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
          "postmortem-week-\(UUID().uuidString)"
        ).path
        for index in 0..<days { try day(index).write(to: "\(root)/day\(index + 1)") }
        cached = root
        return root
      }
    }
  }

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
