import Formats
import Foundation
import Yams

/// A nightly run's configuration file (YAML): what `analyze` takes, plus the window and the store.
///
/// ```yaml
/// paths: [/var/log/archive/*.gz, /var/lib/prometheus-dumps]   # files, directories, globs
/// store: /var/lib/postmortem                                  # the history store's directory
/// tz: "+01:00"            # zone of times written without one, and of the night's calendar day
/// since: 24h              # or day: 2026-11-27; neither: the span of the inputs
/// ```
/// Relative paths are read from the configuration file's folder, so a scheduler's working directory does not
/// matter. Unknown keys are errors: a misspelt `stroe` must not silently fall back to a default.
public struct NightlyConfig: Sendable, Equatable, Decodable {
  public var paths: [String]
  public var store: String
  /// Where reports go; default `<store>/reports`.
  public var out: String?
  public var tz: String?
  /// `GLOB=NAME` rules, as `analyze --service`.
  public var services: [String]?
  public var include: [String]?
  public var exclude: [String]?
  /// Bucket width in seconds; a day is read at one minute by default.
  public var resolution: Int?
  public var since: String?
  public var day: String?
  /// Retention, e.g. `90d`.
  public var keep: String?
  /// `ips` also masks IP addresses; `off` turns redaction off.
  public var redact: [String]?
  /// How long to wait for another run's lock, e.g. `10m`; default no wait.
  public var wait: String?

  static let keys: Set<String> = [
    "paths", "store", "out", "tz", "services", "include", "exclude", "resolution", "since", "day", "keep",
    "redact", "wait",
  ]

  public init(paths: [String], store: String) {
    self.paths = paths
    self.store = store
  }

  /// Reads and checks `path`; relative `paths`, `store` and `out` become relative to its folder.
  public static func load(_ path: String) throws(NightlyError) -> NightlyConfig {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .cannotReadConfig(path: path, reason: error.localizedDescription)
    }
    var config: NightlyConfig
    do {
      guard let top = try Yams.load(yaml: text) as? [String: Any] else {
        throw NightlyError.invalidConfig(
          path: path, reason: "expected a mapping with at least `paths` and `store`")
      }
      if let unknown = top.keys.filter({ !keys.contains($0) }).sorted().first {
        throw NightlyError.invalidConfig(
          path: path, reason: "unknown key `\(unknown)` (known: \(keys.sorted().joined(separator: ", ")))")
      }
      config = try YAMLDecoder().decode(NightlyConfig.self, from: text)
    } catch let error as NightlyError {
      throw error
    } catch let error as DecodingError {
      throw .invalidConfig(path: path, reason: describe(error))
    } catch {
      throw .invalidConfig(path: path, reason: String(describing: error))
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    config.paths = config.paths.map { absolute($0, in: folder) }
    config.store = absolute(config.store, in: folder)
    config.out = config.out.map { absolute($0, in: folder) }
    if let problem = config.problem { throw .invalidConfig(path: path, reason: problem) }
    return config
  }

  /// The first thing wrong with the values, said the way the file would be fixed.
  public var problem: String? {
    if paths.isEmpty { return "`paths` lists nothing to read" }
    if store.isEmpty { return "`store` is empty: name the store's directory" }
    if let tz, UTCOffset.seconds(tz) == nil { return "`tz: \(tz)`: expected UTC or an offset like +02:00" }
    if since != nil && day != nil { return "`since` and `day` both set: a night is one or the other" }
    if let since, SpanText.seconds(since) == nil { return "`since: \(since)`: expected a span like 24h" }
    if let day, CivilDay.days(day) == nil { return "`day: \(day)`: expected a date like 2026-11-27" }
    if let keep, SpanText.seconds(keep) == nil { return "`keep: \(keep)`: expected a span like 90d" }
    if let wait, SpanText.seconds(wait) == nil { return "`wait: \(wait)`: expected a span like 10m" }
    if let resolution, resolution <= 0 { return "`resolution: \(resolution)`: expected seconds > 0" }
    for value in redact ?? [] where !["ips", "off"].contains(value) {
      return "`redact: \(value)`: expected `ips` or `off`"
    }
    for rule in services ?? [] where !rule.contains("=") {
      return "`services: \(rule)`: expected GLOB=NAME, e.g. 'shipping-*.log=shipping'"
    }
    return nil
  }

  private static func absolute(_ path: String, in folder: String) -> String {
    path.hasPrefix("/") ? path : folder + "/" + path
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, _): "missing key `\(key.stringValue)`"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      "`\(context.codingPath.map(\.stringValue).joined(separator: "."))`: \(context.debugDescription)"
    @unknown default: String(describing: error)
    }
  }
}
