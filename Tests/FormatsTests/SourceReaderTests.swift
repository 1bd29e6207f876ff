import Foundation
import Ingest
import Testing

@testable import Formats

@Suite("Reading a source: detection, streaming, counting")
struct SourceReaderTests {
  typealias H = LogLineHarness

  /// Reads a file and keeps each delivered record with its line number and the text of its message, if any.
  private func read(
    _ contents: String, format: Format? = nil
  ) throws -> (
    records: [(record: Record, line: Int, message: String?)], stats: SourceStats, error: (any Error)?
  ) {
    let path = try H.temporaryFile(contents)
    var reader = SourceReader(source: Source(path: path), format: format)
    var records: [(Record, Int, String?)] = []
    var failure: (any Error)?
    do {
      try reader.read { record, context in
        var message: String?
        if case .log(let event) = record {
          message = String(
            decoding: UnsafeRawBufferPointer(rebasing: context.line[event.message]), as: UTF8.self)
        }
        records.append((record, context.lineNumber, message))
      }
    } catch {
      failure = error
    }
    return (records, reader.stats, failure)
  }

  private let springLines = [
    "2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.e.j.s.SqlExceptionHelper : first",
    "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available",
    "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:689)",
    "2019-10-31 15:07:53.000  INFO 13648 --- [nio-9010-exec-8] c.i.r.s.Controller : second",
  ]

  @Test("detects Spring Boot past a leading stack trace and delivers every event with its line number")
  func leadingJunk() throws {
    let junk = (0..<10).map { "\tat com.example.Frame\($0).call(Frame.java:\($0))" }
    let result = try read((junk + springLines).joined(separator: "\n") + "\n")
    #expect(result.error == nil)
    #expect(result.stats.format == .springBoot)
    #expect(result.records.map(\.line) == [11, 14])
    #expect(result.records.map(\.message) == ["first", "second"])
    #expect(result.stats.lines == 14)
    #expect(result.stats.records == 2)
    // The frames before the first event continue nothing read here: skipped, with the reason.
    #expect(result.stats.skipped == 10)
    #expect(result.stats.skippedExamples.allSatisfy { $0.reason.hasPrefix("before the first record") })
    #expect(result.stats.lines == result.stats.records + result.stats.continued + result.stats.skipped)
    #expect(result.stats.assumedZone)
    #expect(result.stats.bytesDecoded > 0)
  }

  @Test(
    "a source longer than the sniffing prefix is replayed, then streamed, without losing or repeating lines")
  func longSource() throws {
    let lines = (0..<500).map { index in
      "2019-10-31 15:07:\(String(format: "%02d", index % 60)).000  INFO 1 --- [main] c.e.App : event \(index)"
    }
    let result = try read(lines.joined(separator: "\n"))
    #expect(result.records.count == 500)
    #expect(result.records.map(\.line) == Array(1...500))
    #expect(result.records.last?.message == "event 499")
  }

  @Test("a stack trace longer than the first sniffing window does not hide the format")
  func longLeadingTrace() throws {
    let trace = (0..<300).map { "\tat com.example.Frame\($0).call(Frame.java:\($0))" }
    let result = try read((trace + springLines).joined(separator: "\n"))
    #expect(result.error == nil)
    #expect(result.stats.format == .springBoot)
    #expect(result.records.map(\.line) == [301, 304])
  }

  @Test("a long source that nothing recognises stops at the widest window with `unrecognized`")
  func longUnrecognized() throws {
    let path = try H.temporaryFile(Array(repeating: "plain words", count: 10_000).joined(separator: "\n"))
    var reader = SourceReader(source: Source(path: path))
    #expect(throws: FormatError.unrecognized(path: path)) { try reader.read { _, _ in } }
    #expect(reader.stats.lines == SourcePrefix.maximumLineLimit)
  }

  @Test("malformed lines are counted with their line numbers; the first five are kept as examples")
  func malformedCounted() throws {
    var lines = [#"[2026-11-27 03:04:11] app.ERROR: Database error [] []"#]
    // A time and then binary: no format reads it, not even time-stamped text.
    for index in 0..<7 { lines.append("[2026-11-27 03:04:1\(index)] \u{1}\u{2}broken line") }
    lines.append(#"[2026-11-27 03:04:20] app.INFO: ok [] []"#)
    let result = try read(lines.joined(separator: "\n"))
    #expect(result.stats.format == .monolog)
    #expect(result.stats.records == 2)
    #expect(result.stats.skipped == 7)
    #expect(result.stats.skippedExamples.map(\.line) == [2, 3, 4, 5, 6])
    #expect(result.stats.skippedExamples.allSatisfy { !$0.reason.isEmpty && $0.path.hasSuffix("source.log") })
  }

  @Test("the format that recognises most of the first lines wins")
  func majority() throws {
    let lines = [
      #"[2026-11-27 03:04:11] app.ERROR: Database error [] []"#,
      #"10.0.0.1 - - [27/Nov/2026:03:04:11 +0000] "GET /api/rate/1 HTTP/1.1" 500 0 "-" "curl""#,
      #"10.0.0.1 - - [27/Nov/2026:03:04:12 +0000] "GET /api/rate/2 HTTP/1.1" 200 10 "-" "curl""#,
    ]
    let result = try read(lines.joined(separator: "\n"))
    #expect(result.stats.format == .nginxAccess)
    // The monolog line, which nginx's format does not read, is read by monolog's.
    #expect(result.stats.records == 3)
    #expect(result.stats.borrowed == [.monolog: 1])
    #expect(result.stats.skipped == 0)
  }

  @Test("a source no format recognises throws `unrecognized` naming the file")
  func unrecognized() throws {
    let path = try H.temporaryFile("hello\nworld\n", name: "notes.txt")
    var reader = SourceReader(source: Source(path: path))
    #expect(throws: FormatError.unrecognized(path: path)) { try reader.read { _, _ in } }
    #expect(reader.stats.format == nil)
    #expect(reader.stats.records == 0)
  }

  @Test("a pt-stalk capture of another statement (SHOW SLAVE STATUS\\G) is not read as a processlist")
  func otherVerticalCapture() throws {
    let text = """
      TS 1795748400.000000000 2026-11-27 03:00:00
      *************************** 1. row ***************************
                     Slave_IO_State: Waiting for master to send event
                        Master_Host: 10.0.0.1
                        Master_User: repl
              Seconds_Behind_Master: 0

      """
    let path = try H.temporaryFile(text, name: "2026_11_27_03_00_00-slave-status")
    var reader = SourceReader(source: Source(path: path))
    // Its `TS` line is time-stamped text at most: no snapshot is read from it.
    var snapshots = 0
    try? reader.read { record, _ in if case .snapshot = record { snapshots += 1 } }
    #expect(snapshots == 0)
    #expect(reader.stats.format != .mysqlProcesslistVertical)
  }

  @Test("an empty or blank source is no error and has no records")
  func empty() throws {
    for contents in ["", "\n\n  \n"] {
      let result = try read(contents)
      #expect(result.error == nil)
      #expect(result.stats.format == nil)
      #expect(result.records.isEmpty)
    }
  }

  @Test("a format hint skips detection")
  func hint() throws {
    let result = try read("hello\n" + springLines.joined(separator: "\n"), format: .springBoot)
    #expect(result.stats.format == .springBoot)
    #expect(result.records.count == 2)
    #expect(result.stats.skipped == 1)
    #expect(result.stats.skippedExamples.map(\.line) == [1])
  }

  @Test("a UTF-8 byte order mark does not hide the first line")
  func byteOrderMark() throws {
    let result = try read("\u{FEFF}" + springLines.joined(separator: "\n"))
    #expect(result.records.first?.line == 1)
    #expect(result.records.first?.message == "first")
  }

  @Test("CRLF line ends do not end up in messages")
  func crlf() throws {
    let result = try read(springLines.joined(separator: "\r\n") + "\r\n")
    #expect(result.records.map(\.message) == ["first", "second"])
  }

  @Test("an unreadable file throws the ingest error with stats still filled")
  func missingFile() {
    var reader = SourceReader(source: Source(path: "/nonexistent/\(UUID().uuidString).log"))
    #expect(throws: IngestError.self) { try reader.read { _, _ in } }
    #expect(reader.stats.records == 0)
  }

  @Test("JSON lines and access logs are detected by content whatever the file is called")
  func detectsByContent() throws {
    let json =
      #"{"level":"info","time":1764649283652,"pid":1,"hostname":"h","msg":"Started on port 8080","v":1}"#
    #expect(try read(json + "\n").stats.format == .jsonLines)
    let envoy =
      #"[2022-10-18T20:24:03.639Z] "- - -" 0 - - - "-" 85 585 1100 - "-" "-" "-" "-" "172.30.247.31:9092" "#
      + "outbound|9092||kafka 10.128.2.33:54464 172.30.247.31:9092 10.128.2.33:54460 - -"
    let result = try read(envoy + "\n")
    #expect(result.stats.format == .envoyAccess)
    #expect(result.records.count == 1)
  }
}
