import Analysis
import Foundation
import Testing

@testable import Report

@Suite("Report writer")
struct ReportWriterTests {
  private func temporaryDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-report-\(UUID().uuidString)")
      .path
  }

  private func files(under directory: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in FileManager.default.subpaths(atPath: directory) ?? [] {
      var isDirectory: ObjCBool = false
      let full = directory + "/" + path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[path] = try Data(contentsOf: URL(fileURLWithPath: full))
      }
    }
    return result
  }

  @Test("creates the directory and writes RCA.md, RCA.html, rca.json and one SVG per chart")
  func writesEverything() throws {
    let directory = temporaryDirectory() + "/nested/report"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try ReportWriter.write(ExampleResult.make(), to: directory)
    let written = try files(under: directory)
    #expect(
      written.keys.sorted() == [
        "RCA.html", "RCA.md", "charts/01-mysql-connections-user-shipping.svg",
        "charts/02-shipping-latency-p90.svg",
        "rca.json",
      ])
    let document = try JSONDecoder().decode(RCADocument.self, from: try #require(written["rca.json"]))
    #expect(document == ExampleResult.make().document)
  }

  @Test("overwrites an earlier report and removes charts it did not write, leaving other files alone")
  func removesStaleCharts() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try ReportWriter.write(ExampleResult.make(), to: directory)
    try Data("notes".utf8).write(to: URL(fileURLWithPath: directory + "/charts/notes.txt"))
    try ReportWriter.write(ExampleResult.make(charts: [ExampleResult.latency]), to: directory)
    let written = try files(under: directory)
    #expect(
      written.keys.sorted() == [
        "RCA.html", "RCA.md", "charts/01-shipping-latency-p90.svg", "charts/notes.txt", "rca.json",
      ])
    let markdown = String(decoding: try #require(written["RCA.md"]), as: UTF8.self)
    #expect(!markdown.contains("mysql-connections-user-shipping.svg"))

    try ReportWriter.write(ExampleResult.make(charts: []), to: directory)
    #expect(
      try files(under: directory).keys.sorted() == ["RCA.html", "RCA.md", "charts/notes.txt", "rca.json"])
  }

  @Test("the same result written twice gives identical bytes")
  func deterministic() throws {
    let first = temporaryDirectory()
    let second = temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    try ReportWriter.write(ExampleResult.make(), to: first)
    try ReportWriter.write(ExampleResult.make(), to: second)
    #expect(try files(under: first) == files(under: second))
  }

  @Test("a directory that cannot be created is reported by path")
  func unwritable() throws {
    let blocker = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: blocker) }
    try Data("a file, not a directory".utf8).write(to: URL(fileURLWithPath: blocker))
    let target = blocker + "/report"
    #expect {
      try ReportWriter.write(ExampleResult.make(), to: target)
    } throws: { error in
      guard case .cannotCreateDirectory(let path, _) = error as? ReportError else { return false }
      return path == target && String(describing: error).hasPrefix(target + ": ")
    }
  }
}
