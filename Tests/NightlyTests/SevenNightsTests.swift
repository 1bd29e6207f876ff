import Foundation
import Nightly
import Report
import Testing

@Suite("A week of nightly runs", .serialized)
struct SevenNightsTests {
  @Test(
    "five ordinary nights are quiet, the incident and the new error need attention, a re-run changes nothing")
  func week() throws {
    let store = try Week.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: store) }
    var outcomes: [NightlyOutcome] = []
    for number in 1...Week.days { outcomes.append(try Week.run(day: number, store: store)) }
    let codes = outcomes.map(\.report.exitCode)
    for (number, outcome) in outcomes.enumerated() where outcome.report.exitCode != 0 {
      print("night \(number + 1): \(outcome.report.reasons)")
    }
    #expect(codes == [0, 0, 0, 0, 0, 3, 3])

    let sixth = outcomes[5]
    let incident = try #require(sixth.report.incidents.first)
    #expect(incident.component == "billing")
    let folder = try #require(sixth.directory) + "/" + incident.report
    for file in ["RCA.md", "RCA.html", "rca.json"] {
      #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file) of night 6's incident")
    }
    #expect(sixth.report.outOfBand.contains { $0.signal.hasPrefix("billing") })
    let schema = try JSONSchemaSubset(
      schema: Data(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
          .deletingLastPathComponent().appendingPathComponent("Schema/rca.schema.json")))
    for outcome in outcomes where !outcome.report.incidents.isEmpty {
      let json = try Data(
        contentsOf: URL(fileURLWithPath: try #require(outcome.directory) + "/incident/rca.json"))
      #expect(try schema.violations(of: json) == [], "night \(outcome.report.night)'s rca.json")
    }

    let seventh = outcomes[6].report
    let newError = try #require(seventh.newTemplates.first)
    #expect(newError.severity == "error" && newError.service == "orders")
    #expect(newError.text.contains("Failed to send receipt"))
    #expect(!newError.text.contains("jane.doe@example.com"), "the customer's address is masked")
    let markdown = try String(
      contentsOfFile: try #require(outcomes[6].directory) + "/nightly.md", encoding: .utf8)
    #expect(markdown.contains("Failed to send receipt"))
    #expect(seventh.quiet.contains { $0.what == "template" && $0.name.contains("Nightly export finished") })
    for number in 1...5 { #expect(outcomes[number - 1].report.newTemplates.isEmpty, "night \(number)") }

    let before = try HistoryStore(directory: store).dump()
    #expect(!before.contains("jane.doe@example.com"), "the store keeps template texts masked too")
    #expect(before.contains("Failed to send receipt to ‹redacted›@‹redacted›"))
    let files = try reportFiles(try #require(outcomes[6].directory))
    let again = try Week.run(day: 7, store: store)
    #expect(again.report == seventh)
    #expect(try HistoryStore(directory: store).dump() == before)
    #expect(try reportFiles(try #require(again.directory)) == files)
    #expect(try HistoryStore(directory: store).nights().count == 7)
  }

  private func reportFiles(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files[path] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path))
      }
    }
    return files
  }
}
