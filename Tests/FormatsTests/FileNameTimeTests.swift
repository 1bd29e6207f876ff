import Testing

@testable import Formats

@Suite("Snapshot files dated by their names")
struct FileNameTimeTests {
  @Test(
    "the common forms give the same instant; a name without a zone takes --tz",
    arguments: [
      ("captures/20261129T021513Z-processlist.txt", 0),
      ("2026-11-29T02:15:13Z.status", 0),
      ("variables-2026-11-29T03:15:13+01:00.txt", 0),
      ("processlist_2026-11-29_03-15-13.txt", 3600),
      ("innodb-20261129-031513.txt", 3600),
      ("2026_11_29_03_15_13-processlist", 3600),
      ("processlist.1795918513.txt", 3600),
    ])
  func forms(path: String, tz: Int) {
    #expect(
      FileNameTime.read(path: path, utcOffsetSeconds: .fixed(seconds: tz))
        .time == Timestamp(rfc3339: "2026-11-29T02:15:13Z"))
  }

  @Test(
    "an ambiguous name is reported, not guessed",
    arguments: [
      "processlist-11-29-2026_02-15-13.txt", "status-20261129.txt",
      "from-20261129T021513Z-to-20261129T031513Z.txt",
    ])
  func ambiguous(path: String) {
    guard case .ambiguous = FileNameTime.read(path: path, utcOffsetSeconds: .fixed(seconds: 0)) else {
      Issue.record("\(path) was read as \(FileNameTime.read(path: path, utcOffsetSeconds: .fixed(seconds: 0)))")
      return
    }
  }

  @Test("names with no time, or numbers that are not one, have none")
  func none() {
    for path in [
      "processlist.txt", "shipping-7d9f8c-abcde.log", "node-exporter-9100.prom", "db1/status-2.txt",
    ] {
      #expect(FileNameTime.read(path: path, utcOffsetSeconds: .fixed(seconds: 0)) == .none, "\(path)")
    }
  }
}

extension FileNameTime.Reading {
  fileprivate var time: Timestamp? {
    if case .time(let time, _) = self { return time }
    return nil
  }
}
