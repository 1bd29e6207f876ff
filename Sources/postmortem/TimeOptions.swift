import ArgumentParser
import Formats

/// How to read times that do not say everything: their zone, their year.
struct TimeOptions: ParsableArguments {
  @Option(help: "Zone for times written without one: UTC or an offset like +02:00.")
  var tz: String = "UTC"

  @Option(
    help: ArgumentHelp(
      "Year for times written without one (BSD syslog's `Nov 27 03:00:01`).",
      discussion: "Without it, each file's dates are put in the year that places them before its last change."
    ))
  var year: Int?

  func validate() throws {
    guard UTCOffset.seconds(tz) != nil else {
      throw ValidationError(
        "--tz \(tz): expected UTC or an offset like +02:00 (named zones are not supported yet)")
    }
    if let year, !(1970...9999).contains(year) {
      throw ValidationError("--year \(year): expected a year between 1970 and 9999")
    }
  }

  var readOptions: ReadOptions {
    ReadOptions(utcOffsetSeconds: UTCOffset.seconds(tz) ?? 0, year: year)
  }
}
