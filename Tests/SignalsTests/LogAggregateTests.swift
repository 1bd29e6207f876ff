import Formats
import Testing

@testable import Signals

@Suite("Log aggregates")
struct LogAggregateTests {
  /// Lines of a storm of four kinds, one a second; the user names fold after a few.
  private let lines: [String] = (0..<300).map { index in
    switch index % 4 {
    case 0: "HikariPool-1 - Connection is not available, request timed out after \(30_000 + index)ms."
    case 1: "Invalid user u\(index % 9)x from 10.0.0.\(index % 250)"
    case 2: "[instance: 3edec1e4-9678-4a3a-a21b-a145a4ee5e61] VM \(["Resumed", "Started"][index / 4 % 2]) ok"
    default:
      "cities by code \(index) for user \(["webmaster", "test", "oracle", "guest", "admin"][index % 5])"
    }
  }

  private func aggregate(_ range: Range<Int>) -> LogAggregate {
    var logs = LogAggregate(stepMilliseconds: 10_000)
    for index in range {
      var line = lines[index]
      line.withUTF8 { bytes in
        let event = LogEvent(
          time: Timestamp(milliseconds: Int64(index) * 1000), level: index % 4 == 0 ? .error : .info,
          message: 0..<bytes.count)
        if let slot = logs.add(event, line: UnsafeRawBufferPointer(bytes)) {
          logs.addExample(
            ExampleLine(
              path: "app.log", line: index + 1, milliseconds: Int64(index) * 1000, text: lines[index]),
            to: slot)
        }
      }
    }
    return logs
  }

  private func summary(_ logs: LogAggregate) -> [String] {
    logs.templates.map { template in
      let counts = (0..<30).map { String(template.counts[bucket: Int64($0)]) }.joined(separator: ",")
      return "\(template.key) \(template.text) \(template.level) [\(counts)] \(template.examples.map(\.line))"
    }
  }

  @Test("templates keep their counts and examples when their text generalises")
  func generalising() {
    let templates = aggregate(0..<lines.count).templates
    #expect(
      templates.map(\.text) == [
        "HikariPool-<*> - Connection is not available, request timed out after <*>ms.",
        "Invalid user <*> from <*>", "[instance: <*>] VM Resumed ok", "cities by code <*> for user <*>",
        "[instance: <*>] VM Started ok",
      ])
    #expect(templates.map { $0.counts.values.reduce(0, +) } == [75, 75, 38, 75, 37])
    #expect(templates[1].examples.map(\.line) == [2, 6, 10])
  }

  @Test("chunks aggregated apart and merged in order give what one aggregate of all lines gives")
  func mergeEqualsSequential() {
    var merged = aggregate(0..<90)
    merged.merge(aggregate(90..<200))
    merged.merge(aggregate(200..<lines.count))
    #expect(summary(merged) == summary(aggregate(0..<lines.count)))
  }

  @Test("template keys are hashes of the final texts: the same input gives the same ids")
  func stableKeys() {
    #expect(summary(aggregate(0..<lines.count)) == summary(aggregate(0..<lines.count)))
    #expect(aggregate(0..<lines.count).templates.allSatisfy { $0.key == LogAggregate.key($0.text) })
  }

  @Test("lines written out of order (newest first) still cite a template's earliest occurrences")
  func outOfOrderExamples() throws {
    var logs = LogAggregate(stepMilliseconds: 10_000)
    for index in (0..<50).reversed() {
      var line = "request timed out after \(30_000 + index)ms"
      line.withUTF8 { bytes in
        let event = LogEvent(
          time: Timestamp(milliseconds: Int64(index) * 1000), level: .error, message: 0..<bytes.count)
        if let slot = logs.add(event, line: UnsafeRawBufferPointer(bytes)) {
          logs.addExample(
            ExampleLine(path: "app.log", line: 50 - index, milliseconds: Int64(index) * 1000, text: ""),
            to: slot)
        }
      }
    }
    let template = try #require(logs.templates.first)
    #expect(template.examples.map(\.milliseconds) == [0, 1000, 2000])
  }
}
