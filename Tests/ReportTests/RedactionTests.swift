import Analysis
import Foundation
import Testing

@testable import Report

@Suite("Redaction")
struct RedactionTests {
  @Test("every rule's example is masked into its redacted form, counted under that rule alone")
  func tableExamples() {
    let redactor = Redactor(Redactor.Options(enabled: true, ipAddresses: true))
    for rule in RedactionRule.table {
      var tally: [String: Int] = [:]
      #expect(redactor.redact(rule.example, tally: &tally) == rule.redacted, "\(rule.name)")
      #expect(tally == [rule.name: 1], "\(rule.name): \(tally)")
    }
  }

  @Test("a corpus of secret shapes loses every secret and keeps the text around it")
  func corpus() {
    let redactor = Redactor()
    let cases: [(line: String, secret: String)] = [
      ("db_password=Sup3r$ecret! retry=3", "Sup3r$ecret!"),
      ("PASSWORD: \"hunter two\"", "hunter"),
      ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"),
      ("X-Api-Key: 0123456789abcdef0123456789abcdef", "0123456789abcdef"),
      ("{\"client_secret\": \"c2VjcmV0LXZhbHVl\", \"id\": 7}", "c2VjcmV0LXZhbHVl"),
      ("{\"Password\":\"with \\\"quote\\\" inside\"}", "quote"),
      ("redis://default:p4ssw0rd@cache:6379/0", "p4ssw0rd"),
      ("https://deploy:ghp_tok@github.example/repo.git", "ghp_tok"),
      ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA"),
      ("auth header Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ0ZXN0In0.c2lnbmF0dXJlLXN0cmluZw", "eyJhbGci"),
      ("id token eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ0ZXN0In0.c2lnbmF0dXJlLXN0cmluZw accepted", "eyJpc3Mi"),
      ("key ASIAY34FZKBOKMUTVV7A expired", "ASIAY34FZKBOKMUTVV7A"),
      ("slack xoxb-123456789012-abcdefghijkl posted", "xoxb-123456789012"),
      ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc charged", "sk_live_4eC39"),
      ("maps AIzaSyA1234567890abcdefghijklmnopqrstuv loaded", "AIzaSyA123"),
      ("openai sk-proj-abcdefghijklmnopqrstuvwx used", "sk-proj-abcdef"),
      (
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
        "MIIEvQIBADAN"
      ),
      ("mail from ops-team@corp.example.com bounced", "ops-team@corp"),
      ("session_id=9f8e7d6c5b4a; Path=/", "9f8e7d6c5b4a"),
    ]
    for (line, secret) in cases {
      var tally: [String: Int] = [:]
      let masked = redactor.redact(line, tally: &tally)
      #expect(!masked.contains(secret), "\(line) → \(masked)")
      #expect(masked.contains(RedactionRule.marker), "\(line)")
      #expect(tally.values.reduce(0, +) >= 1)
      var again: [String: Int] = [:]
      #expect(redactor.redact(masked, tally: &again) == masked, "masking twice changes nothing: \(masked)")
      #expect(again.isEmpty, "nothing is counted twice: \(again)")
    }
  }

  @Test("ordinary log lines are left exactly as they are")
  func ordinaryLines() {
    let redactor = Redactor()
    let lines = [
      "2026-11-27 03:03:51.249  WARN 1 --- [nio-8080-exec-2] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 0, SQLState: null",
      "[2026-11-27 03:03:20] app.ERROR: Database error SQLSTATE[HY000] [1040] Too many connections [] []",
      "10.44.0.7 - - [27/Nov/2026:03:03:20 +0000] \"GET /api/ratings/api/fetch/CNA HTTP/1.1\" 500 157 \"-\" \"Mozilla/5.0\" \"-\"",
      "level=info msg=\"token bucket refilled\" tokens=5 max_tokens=100 key_id=42",
      "password policy updated for 3 users; token refresh scheduled",
      "processlist: user shipping holds 149 of 151 connections (146 Sleep, oldest idle 1850 s)",
      "{\"level\":\"info\",\"msg\":\"request completed\",\"res\":{\"statusCode\":200},\"responseTime\":12}",
      "HikariPool-1 - Connection is not available, request timed out after 30742ms.",
      "GET /v1/orders?page=2&limit=50 took 12ms user-agent=curl/8.4.0",
    ]
    for line in lines {
      var tally: [String: Int] = [:]
      #expect(redactor.redact(line, tally: &tally) == line)
      #expect(tally.isEmpty, "\(line): \(tally)")
    }
  }

  @Test("IP addresses are masked only when asked for")
  func addresses() {
    var tally: [String: Int] = [:]
    let line = "upstream 10.44.0.7:8080 refused; version 1.2.3.4.5 unchanged"
    #expect(Redactor().redact(line, tally: &tally) == line)
    #expect(
      Redactor(Redactor.Options(ipAddresses: true)).redact(line, tally: &tally)
        == "upstream ‹redacted›:8080 refused; version 1.2.3.4.5 unchanged")
  }

  @Test("a written report masks quoted secrets everywhere and counts them; --no-redact quotes as read")
  func writtenReport() throws {
    var result = ExampleResult.make()
    result.document.chain[0].evidence[0].text = "login failed password=hunter2 for jane@example.com"
    result.document.timeline[0].signal = "shipping log \"token=abcd1234efgh for <*>\""
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "postmortem-redact-\(UUID())"
    ).path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let summary = try ReportWriter.write(result, to: directory)
    #expect(summary.counts == ["key=value secret": 2, "e-mail address": 1])
    for file in ["RCA.md", "rca.json", "RCA.html"] {
      let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
      #expect(
        !text.contains("hunter2") && !text.contains("jane@example.com") && !text.contains("abcd1234efgh"),
        "\(file)")
      #expect(text.contains("password=‹redacted›"), "\(file)")
    }
    let markdown = try String(contentsOfFile: directory + "/RCA.md", encoding: .utf8)
    #expect(
      markdown.contains(
        "Redaction: on (secrets and e-mail addresses); masked 2 key=value secret, 1 e-mail address."))
    let open = try ReportWriter.write(result, to: directory, options: ReportOptions(redactionEnabled: false))
    #expect(open.total == 0)
    #expect(try String(contentsOfFile: directory + "/RCA.md", encoding: .utf8).contains("password=hunter2"))
  }
}

@Suite("Redaction on the samples")
struct SampleRedactionTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples")

  /// The first lines of every sample file, decompressed by the system's tools: every format the samples hold,
  /// few enough lines for a debug build's regular expressions.
  @Test("no rule fires on the samples' ordinary lines")
  func noFalsePositives() throws {
    let redactor = Redactor()
    var files = 0
    var checked = 0
    let enumerator = FileManager.default.enumerator(atPath: Self.samples.path)
    while let path = enumerator?.nextObject() as? String {
      let full = Self.samples.appendingPathComponent(path).path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
        !path.hasSuffix(".truth.json")
      else { continue }
      let tool = path.hasSuffix(".gz") ? "gzip -dc" : path.hasSuffix(".lz4") ? "lz4 -dc" : "cat"
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "\(tool) \"$0\" 2>/dev/null | head -n 400", full]
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      files += 1
      for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        var tally: [String: Int] = [:]
        _ = redactor.redact(String(line), tally: &tally)
        #expect(tally.isEmpty, "\(path): \(line.prefix(200)) → \(tally)")
        checked += 1
      }
    }
    #expect(files >= 10 && checked > 4000, "\(files) files, \(checked) lines")
  }
}
