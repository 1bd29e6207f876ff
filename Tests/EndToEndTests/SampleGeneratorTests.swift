import Foundation
import SampleGenerator
import Testing

@Suite("Sample generator")
struct SampleGeneratorTests {
  private func files(under directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in FileManager.default.subpaths(atPath: directory.path) ?? [] {
      var isDirectory: ObjCBool = false
      let url = directory.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[path] = try Data(contentsOf: url)
      }
    }
    return result
  }

  @Test("the same scenario, seed and scale write the same bytes; another seed writes others")
  func deterministic() throws {
    let first = try Bundles.temporaryDirectory()
    let second = try Bundles.temporaryDirectory()
    let third = try Bundles.temporaryDirectory()
    defer { for url in [first, second, third] { try? FileManager.default.removeItem(at: url) } }
    try BundleWriter(scenario: .decoy, seed: 7, scale: 0.05).write(to: first.path)
    try BundleWriter(scenario: .decoy, seed: 7, scale: 0.05).write(to: second.path)
    try BundleWriter(scenario: .decoy, seed: 8, scale: 0.05).write(to: third.path)
    let a = try files(under: first)
    #expect(a.count > 10)
    #expect(a == (try files(under: second)))
    #expect(a != (try files(under: third)))
  }

  @Test("the truth file sits beside the bundle and lists the story's changes in order")
  func truthBesideBundle() throws {
    let root = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let written = try BundleWriter(scenario: .dbExhaustion, scale: 0.05).write(to: root.path)
    let data = try Data(contentsOf: root.appendingPathComponent("\(Scenario.dbExhaustion.name).truth.json"))
    let read = try JSONDecoder().decode(GroundTruth.self, from: data)
    #expect(read == written)
    #expect(
      !FileManager.default.fileExists(
        atPath: root.appendingPathComponent(
          "\(Scenario.dbExhaustion.name)/\(Scenario.dbExhaustion.name).truth.json"
        ).path))
    #expect(read.events.first?.signalKind == "db-connections" && read.events.first?.change == "rise")
    let leak = try #require(read.events.first).time
    let plateau = try #require(read.events.first { $0.change == "plateau" }).time
    #expect(leak < plateau, "the leak starts before the server is full")
    #expect(read.events.filter { $0.signalKind == "error-rate" }.allSatisfy { $0.time >= plateau })
  }

  @Test("the committed bundles are what the generator writes")
  func committedBundlesAreCurrent() throws {
    let root = try Bundles.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try BundleWriter(scenario: .decoy).write(to: root.path)
    let fresh = try files(under: root.appendingPathComponent(Scenario.decoy.name))
    let committed = try files(under: Bundles.root.appendingPathComponent("Samples/\(Scenario.decoy.name)"))
    #expect(fresh.keys.sorted() == committed.keys.sorted())
    for (path, bytes) in fresh { #expect(committed[path] == bytes, "Samples/\(Scenario.decoy.name)/\(path)") }
  }
}
