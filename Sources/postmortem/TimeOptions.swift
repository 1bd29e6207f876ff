import ArgumentParser
import Formats

/// How to read times that do not say everything: their zone, their year.
struct TimeOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Zone for times written without one: UTC, an offset like +02:00, or a named zone like Europe/Berlin.",
      discussion: "A named zone follows its daylight-saving changes, read from the system's tz database."))
  var tz: String = "UTC"

  @Option(
    help: ArgumentHelp(
      "Year for times written without one (BSD syslog's `Nov 27 03:00:01`).",
      discussion: "Without it, each file's dates are put in the year that places them before its last change."
    ))
  var year: Int?

  func validate() throws {
    if UTCOffset.seconds(tz) == nil {
      do throws(ZoneError) {
        _ = try ZoneRules(named: tz)
      } catch {
        throw ValidationError("--tz \(tz): expected UTC, an offset like +02:00 or a named zone: \(error)")
      }
    }
    if let year, !(1970...9999).contains(year) {
      throw ValidationError("--year \(year): expected a year between 1970 and 9999")
    }
  }

  /// The options `validate` has checked: a named zone is read once here.
  var readOptions: ReadOptions {
    if let seconds = UTCOffset.seconds(tz) { return ReadOptions(utcOffsetSeconds: seconds, year: year) }
    let rules = try? ZoneRules(named: tz)
    return ReadOptions(zone: rules.map(LocalZone.named) ?? .utc, year: year)
  }
}
