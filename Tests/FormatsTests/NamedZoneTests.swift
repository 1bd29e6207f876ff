import Foundation
import Testing

@testable import Formats

/// `--tz Europe/Berlin`: times written without a zone follow the zone's daylight-saving changes.
@Suite(
  "Named zones from the tz database",
  .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Berlin")))
struct NamedZoneTests {
  private func utc(_ lines: [String], zone: LocalZone) -> [String] {
    var parser = TextLogParser(context: ParserContext(path: "test.log", options: ReadOptions(zone: zone)))
    return lines.enumerated().map { offset, line in
      var line = line
      let record = line.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), number: offset + 1) }
      guard case .log(let event) = record else { return "no event" }
      return event.time.rfc3339
    }
  }

  @Test("Berlin's wall clock across both switches of 2024: +01:00 in winter, +02:00 in summer")
  func berlin() throws {
    let zone = LocalZone.named(try ZoneRules(named: "Europe/Berlin"))
    let lines = [
      "2024-03-31 01:59:59 INFO before the spring switch",
      "2024-03-31 03:00:00 INFO after it: 02:xx never happened",
      "2024-10-27 01:30:00 INFO summer time still",
      "2024-10-27 02:30:00 INFO the repeated hour: its first pass",
      "2024-10-27 03:30:00 INFO winter time",
      "2024-07-01 12:00:00 INFO midsummer",
      "2024-01-15 12:00:00 INFO midwinter",
    ]
    #expect(
      utc(lines, zone: zone) == [
        "2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z", "2024-10-26T23:30:00Z", "2024-10-27T00:30:00Z",
        "2024-10-27T02:30:00Z", "2024-07-01T10:00:00Z", "2024-01-15T11:00:00Z",
      ])
  }

  @Test("a time that names its zone keeps it, whatever --tz says")
  func writtenZoneWins() throws {
    let zone = LocalZone.named(try ZoneRules(named: "Europe/Berlin"))
    #expect(
      utc(["2024-07-01T12:00:00Z INFO x", "2024-07-01 12:00:00 PDT INFO x"], zone: zone) == [
        "2024-07-01T12:00:00Z", "2024-07-01T19:00:00Z",
      ])
  }

  @Test("a zone with no daylight saving, and one south of the equator")
  func others() throws {
    #expect(
      utc(["2024-07-01 12:00:00 INFO x"], zone: .named(try ZoneRules(named: "Asia/Tokyo"))) == [
        "2024-07-01T03:00:00Z"
      ])
    let sydney = LocalZone.named(try ZoneRules(named: "Australia/Sydney"))
    #expect(
      utc(["2024-01-15 12:00:00 INFO x", "2024-07-01 12:00:00 INFO x"], zone: sydney) == [
        "2024-01-15T01:00:00Z", "2024-07-01T02:00:00Z",
      ])
  }

  @Test("an unknown zone, or a path out of the database, is an error naming it")
  func unknown() {
    #expect(throws: ZoneError.self) { try ZoneRules(named: "Europe/Atlantis") }
    #expect(throws: ZoneError.self) { try ZoneRules(named: "../../etc/passwd") }
    #expect(throws: ZoneError.self) { try ZoneRules(named: "/etc/passwd") }
  }
}
