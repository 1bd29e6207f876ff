import Ingest
import Testing

@testable import Formats

@Suite("Time-stamped text logs (Python, Go, nginx error, zap)")
struct TextLogParserTests {
  typealias H = LogLineHarness

  @Test(
    "the level word is found where each framework writes it, and the message follows it",
    arguments: [
      (
        "2026-11-27 03:04:11,207 - payment.db - ERROR - Payment failed: connection refused", LogLevel.error,
        "Payment failed: connection refused"
      ),
      (
        "[2026-11-27 03:04:11,207] WARNING in app: slow response from cart", .warn,
        "in app: slow response from cart"
      ),
      (
        "2026/11/27 03:04:11 [error] 7#7: *25602 upstream timed out (110: Connection timed out)", .error,
        "7#7: *25602 upstream timed out (110: Connection timed out)"
      ),
      (
        "2026-11-27T03:04:11.123Z\terror\tshipping/db.go:42\tpool exhausted", .error,
        "shipping/db.go:42\tpool exhausted"
      ),
      ("2026-11-27 03:04:11,207 INFO [main] o.a.h.Server: started", .info, "[main] o.a.h.Server: started"),
      ("2026/11/27 03:04:11 Error Percent is 5", .info, "Error Percent is 5"),
      (
        "2026/11/27 03:04:11 Connecting to amqp://guest:guest@rabbitmq:5672/", .info,
        "Connecting to amqp://guest:guest@rabbitmq:5672/"
      ),
    ])
  func levels(line: String, level: LogLevel, message: String) throws {
    let event = try #require(H.event(H.record(TextLogParser.self, line)))
    #expect(event.time.milliseconds / 1000 == 1_795_748_651)
    #expect(event.level == level)
    #expect(H.text(event.message, of: line) == message)
  }

  @Test("a time without a zone takes --tz; one with a zone keeps it")
  func zones() throws {
    let local = try #require(
      H.event(H.record(TextLogParser.self, "2026/11/27 04:04:11 hello", utcOffsetSeconds: 3600)))
    #expect(local.time.milliseconds == 1_795_748_651_000)
    let zoned = try #require(
      H.event(H.record(TextLogParser.self, "2026-11-27T04:04:11+01:00 INFO hello", utcOffsetSeconds: -7200)))
    #expect(zoned.time.milliseconds == 1_795_748_651_000)
  }

  @Test("a Python traceback continues its event; lines before the first event are structure")
  func traceback() {
    let records = H.records(
      TextLogParser.self,
      [
        "  leftover of an earlier event",
        "2026-11-27 03:04:11,207 - payment - ERROR - Payment failed",
        "Traceback (most recent call last):",
        "  File \"/app/payment.py\", line 42, in pay",
        "ConnectionRefusedError: [Errno 111] Connection refused",
      ])
    #expect(records[0] == .structure)
    #expect(H.event(records[1]) != nil)
    #expect(records[2...].allSatisfy { $0 == .continuation })
  }

  @Test("recognises a leading date-time, bare or bracketed, not prose or a date alone")
  func recognition() {
    for line in [
      "2026/11/27 03:04:11 x", "[2026-11-27 03:04:11,207] INFO x", "2026-11-27T03:04:11Z\tinfo\tx",
    ] {
      #expect(H.recognizes(TextLogParser.self, line), "\(line)")
    }
    for line in [
      "on 2026-11-27 03:04:11 it broke", "2026-11-27 x", "[2026-11-27 03:04:11 x", "2026-11-27 03:04:11x",
    ] {
      #expect(!H.recognizes(TextLogParser.self, line), "\(line)")
    }
  }

  @Test("through the reader, traceback lines are counted as continued, not as records or skips")
  func continuedCount() throws {
    let text = [
      "2026-11-27 03:04:11,207 - payment - ERROR - Payment failed",
      "Traceback (most recent call last):",
      "  File \"/app/payment.py\", line 42, in pay",
      "ConnectionRefusedError: [Errno 111] Connection refused",
      "2026-11-27 03:04:12,001 - payment - INFO - retrying",
    ].joined(separator: "\n")
    let path = try H.temporaryFile(text, name: "payment.log")
    var reader = SourceReader(source: Source(path: path))
    try reader.read { _, _ in }
    #expect(reader.stats.format == .textLog)
    #expect(reader.stats.records == 2)
    #expect(reader.stats.continued == 3)
    #expect(reader.stats.skipped == 0)
  }
}
