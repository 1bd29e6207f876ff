import Testing

@testable import Formats

@Suite("MySQL and MariaDB error logs")
struct MySQLErrorLogParserTests {
  typealias H = LogLineHarness

  @Test("5.7: UTC time with microseconds, thread, [Note]; the whole rest is the message")
  func mysql57() throws {
    let line =
      "2018-12-26T03:11:00.156070Z 300 [Note] Aborted connection 300 to db: 'usercenter' user: 'usercenter' "
      + "host: '10.1.44.162' (Got timeout reading communication packets)"
    let event = try #require(H.event(H.record(MySQLErrorLogParser.self, line)))
    #expect(event.time.milliseconds == 1_545_793_860_156)
    #expect(event.level == .info)
    #expect(
      H.text(event.message, of: line)
        == "Aborted connection 300 to db: 'usercenter' user: 'usercenter' host: '10.1.44.162' "
        + "(Got timeout reading communication packets)")
  }

  @Test("8.0: the error code and subsystem are not part of the message, so 5.7 and 8.0 lines share templates")
  func mysql80() throws {
    let line =
      "2025-10-31T16:09:25.034090Z 2025180 [Warning] [MY-010914] [Server] Aborted connection 2025180 to db: "
      + "'unconnected' user: 'rdsadmin' host: 'localhost' (The client was disconnected by the server because of "
      + "inactivity.). (sql_connect.cc:842)"
    let event = try #require(H.event(H.record(MySQLErrorLogParser.self, line)))
    #expect(event.level == .warn)
    #expect(H.text(event.message, of: line).hasPrefix("Aborted connection 2025180 to db: 'unconnected'"))
  }

  @Test("MariaDB: local time with a space-padded hour, read at --tz")
  func mariaDB() throws {
    let line =
      "2026-11-29  7:16:59 4 [Warning] Access denied for user 'nobody'@'localhost' (using password: YES)"
    let event = try #require(H.event(H.record(MySQLErrorLogParser.self, line)))
    #expect(event.time.milliseconds == 1_795_936_619_000)
    #expect(event.level == .warn)
    #expect(
      H.text(event.message, of: line) == "Access denied for user 'nobody'@'localhost' (using password: YES)")
    let padded = "2026-11-29 17:16:59 0 [ERROR] Aborted connection"
    #expect(H.event(H.record(MySQLErrorLogParser.self, padded))?.level == .error)
  }

  @Test("RDS's END OF LOG trailer and start-up banners are structure, not skipped lines")
  func structure() throws {
    for line in [
      "----------------------- END OF LOG ----------------------",
      "Version: '5.7.10'  socket: '/tmp/mysql.sock'  port: 3306  Homebrew",
      "161209 13:08:33 mysqld_safe Starting mysqld daemon with databases from /usr/local/var/mysql",
    ] {
      #expect(H.record(MySQLErrorLogParser.self, line) == .structure, "\(line)")
    }
  }

  @Test("error-log lines are told apart from other logs that start with a time")
  func detection() {
    let spring =
      "2019-10-31 15:07:52.928 ERROR 13648 --- [nio-9010-exec-7] o.h.e.j.s.SqlExceptionHelper   : x"
    #expect(!Array(spring.utf8).withUnsafeBytes { MySQLErrorLogParser.recognizes($0) })
    let mysql = "2018-12-26T03:11:00.156070Z 300 [Note] Aborted connection 300"
    #expect(Array(mysql.utf8).withUnsafeBytes { MySQLErrorLogParser.recognizes($0) })
    #expect(!Array(mysql.utf8).withUnsafeBytes { SpringBootParser.recognizes($0) })
  }
}
