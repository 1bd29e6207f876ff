import Testing

@testable import Formats

@Suite("Syslog (RFC 3164, rsyslog, RFC 5424)")
struct SyslogParserTests {
  typealias H = LogLineHarness

  private func records(_ lines: [String], year: Int? = 2026, path: String = "syslog") -> [Record] {
    var parser = SyslogParser(
      context: ParserContext(path: path, options: ReadOptions(utcOffsetSeconds: 0, year: year)))
    return lines.enumerated().map { offset, line in
      var line = line
      return line.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), number: offset + 1) }
    }
  }

  @Test("BSD lines: time in the given year, the app as the service, the message after the tag")
  func bsd() throws {
    let line = "Nov 27 03:04:11 db1 sshd[2415]: Accepted publickey for deploy from 10.0.3.7 port 51234 ssh2"
    let event = try #require(H.event(records([line])[0]))
    #expect(event.time.milliseconds == 1_795_748_651_000)
    #expect(event.level == .info)
    #expect(event.service.map { H.text($0, of: line) } == "sshd")
    #expect(H.text(event.message, of: line) == "Accepted publickey for deploy from 10.0.3.7 port 51234 ssh2")
  }

  @Test("journalctl's short-iso and short-precise lines: the unit as the service, microseconds read")
  func journalText() throws {
    let iso = "2026-11-27T04:04:11+0100 db1 nginx[7]: connect() failed (111: Connection refused)"
    let precise = "Nov 27 03:04:11.250731 db1 nginx[7]: connect() failed (111: Connection refused)"
    let events = records([iso, precise]).map(H.event)
    #expect(events.map { $0?.time.rfc3339 } == ["2026-11-27T03:04:11Z", "2026-11-27T03:04:11.250Z"])
    #expect(events[1].flatMap { $0.service }.map { H.text($0, of: precise) } == "nginx")
    #expect(events[1].map { H.text($0.message, of: precise) } == "connect() failed (111: Connection refused)")
  }

  @Test("the PRI's severity is the level; a blank-padded day is read")
  func priority() throws {
    let line = "<11>Jul  1 09:00:55 host kernel: disk failure on sda"
    let event = try #require(H.event(records([line])[0]))
    #expect(event.level == .error)  // 11 = facility 1, severity 3
    #expect(H.text(event.message, of: line) == "disk failure on sda")
  }

  @Test("with --year, dates move into the next year when December turns to January")
  func rollover() throws {
    let events = records(["Dec 31 23:59:59 h a: x", "Jan  1 00:00:01 h a: y"], year: 2026).compactMap(H.event)
    #expect(events.map(\.time.milliseconds) == [1_798_761_599_000, 1_798_761_601_000])
  }

  @Test("without --year and without a file date, a BSD time is reported, not guessed")
  func yearless() {
    let record = records(["Nov 27 03:04:11 db1 sshd[2415]: hello"], year: nil, path: "<stdin>")[0]
    #expect(H.isMalformed(record))
  }

  @Test("rsyslog's file format: an RFC 3339 time in place of the BSD one")
  func rsyslog() throws {
    let line = "2026-11-27T04:04:11.123456+01:00 db1 mysqld[1021]: Aborted connection 42"
    let event = try #require(H.event(records([line])[0]))
    #expect(event.time.milliseconds == 1_795_748_651_123)
    #expect(event.service.map { H.text($0, of: line) } == "mysqld")
  }

  @Test("RFC 5424: structured data skipped (escaped brackets too), app name as the service, `-` as none")
  func structured() throws {
    let line =
      #"<165>1 2026-11-27T03:04:11.003Z db1 shipping 2415 ID47 [meta@1 a="x\]y" b="2"][x@2 c="3"] pool exhausted"#
    let event = try #require(H.event(records([line])[0]))
    #expect(event.level == .info)  // 165 = facility 20, severity 5 (notice)
    #expect(event.time.milliseconds == 1_795_748_651_003)
    #expect(event.service.map { H.text($0, of: line) } == "shipping")
    #expect(H.text(event.message, of: line) == "pool exhausted")
    let bare = "<12>1 2026-11-27T03:04:11Z - - - - - disk almost full"
    let noApp = try #require(H.event(records([bare])[0]))
    #expect(noApp.service == nil)
    #expect(noApp.level == .warn)
    #expect(H.text(noApp.message, of: bare) == "disk almost full")
  }

  @Test("recognises BSD, rsyslog and RFC 5424 lines, not text logs with a date")
  func recognition() {
    for line in [
      "Nov 27 03:04:11 db1 sshd[2415]: x", "<34>Oct 11 22:14:15 mymachine su: 'su root' failed",
      "<165>1 2026-11-27T03:04:11.003Z db1 app - - - x", "2026-11-27T03:04:11+00:00 db1 cron[5]: x",
    ] {
      #expect(H.recognizes(SyslogParser.self, line), "\(line)")
    }
    for line in [
      "2026-11-27 03:04:11,207 - payment - ERROR - x", "2015-10-18 18:01:47,978 INFO [main] o.a.h: x",
      "<html>", "Nov 2026 was cold",
    ] {
      #expect(!H.recognizes(SyslogParser.self, line), "\(line)")
    }
  }
}
