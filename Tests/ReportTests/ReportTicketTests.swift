import Analysis
import Foundation
import Testing

@testable import Report

@Suite("Ticket attachments: RCA.html, the archive, the rca.json schema")
struct ReportTicketTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test("RCA.html stands alone: charts inline, no script, no external asset, a print style")
  func selfContained() throws {
    let result = ExampleResult.make()
    let html = RCAHTML(result).render()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<svg ").count - 1 == result.charts.count)
    #expect(html.contains("<ol class=\"chain\">"))
    #expect(html.contains("@media print"))
    for forbidden in ["<script", "src=", "href=\"http", "url(", "@import", "<link"] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    #expect(RCAHTML(result).render() == html, "deterministic")
  }

  @Test(
    "--archive writes the report folder as one .tar.gz that tar lists and extracts, byte for byte the same")
  func archive() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-archive-\(UUID())")
      .path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try ReportWriter.write(ExampleResult.make(), to: root + "/incident")
    try ReportArchive.write(directory: root + "/incident", to: root + "/incident.tar.gz")
    try ReportArchive.write(directory: root + "/incident", to: root + "/again.tar.gz")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: root + "/incident.tar.gz"))
        == Data(contentsOf: URL(fileURLWithPath: root + "/again.tar.gz")))
    try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
    let tar = Process()
    tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    tar.arguments = ["tar", "-xzf", root + "/incident.tar.gz", "-C", root + "/out"]
    try tar.run()
    tar.waitUntilExit()
    #expect(tar.terminationStatus == 0)
    let written = try FileManager.default.subpathsOfDirectory(atPath: root + "/incident").sorted()
    #expect(try FileManager.default.subpathsOfDirectory(atPath: root + "/out/incident").sorted() == written)
    for path in written where path.contains(".") {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: root + "/out/incident/" + path))
          == Data(contentsOf: URL(fileURLWithPath: root + "/incident/" + path)), "\(path)")
    }
  }

  @Test(
    "every rca.json in the repository and every one the writer makes validates against Schema/rca.schema.json"
  )
  func schema() throws {
    let validator = try JSONSchemaSubset(
      schema: Data(contentsOf: Self.packageRoot.appendingPathComponent("Schema/rca.schema.json")))
    var documents: [(String, Data)] = []
    let enumerator = FileManager.default.enumerator(atPath: Self.packageRoot.path)
    while let path = enumerator?.nextObject() as? String {
      if path.hasPrefix(".build") || path.hasPrefix(".git") { enumerator?.skipDescendants() }
      if path.hasSuffix("/rca.json") || path == "rca.json" {
        documents.append((path, try Data(contentsOf: Self.packageRoot.appendingPathComponent(path))))
      }
    }
    #expect(documents.count >= 2, "the committed sample reports")
    documents.append(("ExampleResult", try RCAJSON.encode(ExampleResult.make().document)))
    let redacted = ExampleResult.make().redacted(Redactor())
    documents.append(
      ("ExampleResult redacted", try RCAJSON.encode(redacted.result.document, redaction: redacted.summary)))
    for (name, data) in documents {
      #expect(try validator.violations(of: data) == [], "\(name)")
    }
  }

  @Test("the schema validator rejects a document that breaks the contract")
  func schemaRejects() throws {
    let validator = try JSONSchemaSubset(
      schema: Data(contentsOf: Self.packageRoot.appendingPathComponent("Schema/rca.schema.json")))
    var object = try #require(
      try JSONSerialization.jsonObject(with: RCAJSON.encode(ExampleResult.make().document)) as? [String: Any])
    object["rootCause"] = [
      "component": "shipping", "kind": "gremlins", "onset": "yesterday", "confidence": 2,
    ]
    object.removeValue(forKey: "chain")
    let problems = try validator.violations(of: JSONSerialization.data(withJSONObject: object))
    #expect(problems.contains("$: missing required key chain"))
    #expect(problems.contains { $0.hasPrefix("$.rootCause.kind:") })
    #expect(problems.contains { $0.hasPrefix("$.rootCause.onset:") })
    #expect(problems.contains("$.rootCause.confidence: 2.0 > 1.0"))
    #expect(problems.contains("$.rootCause: missing required key summary"))
  }
}
