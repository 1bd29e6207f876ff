import Testing

@testable import Formats

/// The time shapes and zone abbreviations are tables whose rows carry their own examples: each example reads
/// as its own row, and only its own.
@Suite("Time shapes and zone abbreviations")
struct TimeShapeTests {
  /// Reads `text` at its start, yearless times in 2026, times without a zone in UTC.
  private func read(_ text: String) -> (shape: TimeShape, utc: String, end: Int)? {
    var text = text
    return text.withUTF8 { bytes in
      let line = UnsafeRawBufferPointer(bytes)
      var years = YearlessDates(path: "", year: 2026)
      guard let found = TimeShapes.read(line, at: 0),
        let time = found.time.resolved(localOffsetSeconds: .utc, years: &years)
      else { return nil }
      return (found.shape, time.timestamp.rfc3339, found.time.end)
    }
  }

  @Test("every shape's example is read as that shape, whole, at the instant it stands for")
  func shapes() {
    for shape in TimeShape.allCases {
      let example = shape.example
      let read = read(example.text.description)
      #expect(read?.shape == shape, "\(shape)")
      #expect(read?.utc == example.utc.description, "\(shape): \(String(describing: read?.utc))")
      #expect(read?.end == example.text.utf8CodeUnitCount, "\(shape) reads its whole example")
    }
  }

  @Test("every abbreviation's example is read at its offset; each name has one row")
  func abbreviations() {
    let names = ZoneAbbreviations.rows.map(\.name.description)
    #expect(Set(names).count == names.count)
    for row in ZoneAbbreviations.rows {
      #expect(read(row.example.description)?.utc == row.exampleUTC.description, "\(row.name)")
      var name = row.name.description
      let found = name.withUTF8 { ZoneAbbreviations.row(in: UnsafeRawBufferPointer($0), 0..<$0.count) }
      #expect(found.map { ZoneAbbreviations.rows[$0].name.description } == row.name.description)
    }
  }

  @Test("an abbreviation that names several zones says which others it could mean")
  func ambiguousNamed() {
    // Both readings of each of these are in use by servers; the table must name the one it did not take.
    for row in ZoneAbbreviations.rows where ["CST", "IST", "BST", "AST"].contains(row.name.description) {
      #expect(!row.alternatives.description.isEmpty, "\(row.name)")
    }
  }

  @Test(
    "a zone after a blank is read, numeric or named, and the same time with the zone attached is the same",
    arguments: [
      ("2022-06-02 10:54:51.123 -0700", "2022-06-02T17:54:51.123Z"),
      ("2022-06-02 10:54:51.123-0700", "2022-06-02T17:54:51.123Z"),
      ("2015/05/24 07:48:21 -05:00 767 10.206.22.17: xmlrpc", "2015-05-24T12:48:21Z"),
      ("2021-02-14 01:34:02 CET [30291]: db=x", "2021-02-14T00:34:02Z"),
      ("2023-07-19T02:47:11 AM UTC [1670]DEBUG", "2023-07-19T02:47:11Z"),
      ("2023-07-19T12:47:11 PM UTC [1670]DEBUG", "2023-07-19T12:47:11Z"),
      ("2023-07-19T02:47:11 PM UTC [1670]DEBUG", "2023-07-19T14:47:11Z"),
    ])
  func zoneAfterBlank(line: String, utc: String) {
    #expect(read(line)?.utc == utc)
  }

  @Test(
    "a word after the time that is not a zone is left alone",
    arguments: [
      "2024-04-23 09:17:27,871 INFO  [main] x", "2024-04-23 09:17:27 ERROR x", "2024-04-23 09:17:27 -1 200",
    ])
  func notZones(line: String) {
    #expect(read(line)?.utc == "2024-04-23T09:17:27" + (line.contains(",871") ? ".871Z" : "Z"))
  }

  @Test("impossible dates and clocks are no times")
  func invalid() {
    for text in ["2026-02-30 10:00:00", "2026-13-01 10:00:00", "2026-01-01 24:00:00", "0230 10:00:00.000"] {
      #expect(read(text) == nil, "\(text)")
    }
  }

  @Test("a time is found past a level, a logger or a wrapper, but not in prose or an open bracket")
  func finding() {
    func found(_ text: String) -> Int? {
      var text = text
      return text.withUTF8 { TimeShapes.find(in: UnsafeRawBufferPointer($0))?.time.start }
    }
    #expect(found("[DEBUG 2015-05-20 12:22:19 main]  x") == 7)
    #expect(found("INFO   | jvm 1    | 2015/04/28 18:40:00 | x") == 20)
    #expect(found("(sqlalchemy.pool.QueuePool): 2021-04-28 16:37:00,355 DEBUG x") == 29)
    #expect(found("E0517 15:04:22.619632 1952452992 x.cc:253] y") == 1)
    #expect(found("/dev/rdisk0s2: fsck_hfs run at Wed Jul 25 23:01:18 2012") == 31)
    #expect(found("it broke on 2026-11-27 03:04:11 again") == nil)
    #expect(found("[2026-11-27 03:04:11 x") == nil)
  }
}
