import Ingest
import Testing

@testable import Formats

private typealias H = LogLineHarness

@Suite("docker compose logs")
struct DockerComposeParserTests {
  private let lines = [
    #"web-1  | 10.0.0.1 - - [27/Nov/2026:03:04:11 +0000] "GET /cart HTTP/1.1" 502 0 "-" "curl""#,
    "api-1  | 2026-11-27 03:04:11,207 - payment - ERROR - Payment failed: connection refused",
    "api-1  | Traceback (most recent call last):",
    "db-1   | 2026-11-27 03:04:12.000 UTC [42] FATAL:  sorry, too many clients already",
    "api_2  | 2026-11-27 03:04:13,000 - payment - INFO - retrying",
  ]

  @Test("each service's lines are read in their own format, the service named without its replica number")
  func services() throws {
    let records = H.records(DockerComposeParser.self, lines)
    let request = try #require(H.request(records[0]))
    #expect(request.status == 502)
    let error = try #require(H.event(records[1]))
    #expect(error.level == .error)
    #expect(error.service.map { H.text($0, of: lines[1]) } == "api")
    #expect(H.text(error.message, of: lines[1]) == "Payment failed: connection refused")
    #expect(records[2] == .continuation)
    let refusal = try #require(H.event(records[3]))
    #expect(refusal.level == .fatal)
    #expect(refusal.time.rfc3339 == "2026-11-27T03:04:12Z")
    #expect(H.text(refusal.message, of: lines[3]) == "sorry, too many clients already")
    #expect(H.event(records[4])?.service.map { H.text($0, of: lines[4]) } == "api")
  }

  @Test(
    "a file of such lines is detected as docker compose output; a wrapper's level column is not a service")
  func detection() throws {
    let path = try H.temporaryFile(lines.joined(separator: "\n") + "\n")
    var reader = SourceReader(source: Source(path: path))
    try reader.read { _, _ in }
    #expect(reader.stats.format == .dockerCompose)
    #expect(reader.stats.records == 4 && reader.stats.continued == 1 && reader.stats.skipped == 0)
    #expect(!H.recognizes(DockerComposeParser.self, "INFO   | jvm 1    | 2015/04/28 18:40:00 | started"))
  }
}
