import Analysis
import Foundation
import Testing

@testable import Report

@Suite("rca.json")
struct JSONSidecarTests {
  private func text(_ document: RCADocument) throws -> String {
    String(decoding: try RCAJSON.encode(document), as: UTF8.self)
  }

  @Test("decodes back to the document it was written from")
  func roundTrips() throws {
    let document = ExampleResult.make().document
    let decoded = try JSONDecoder().decode(RCADocument.self, from: RCAJSON.encode(document))
    #expect(decoded == document)
  }

  @Test("has every key of the contract at the top level")
  func contractKeys() throws {
    let object = try JSONSerialization.jsonObject(with: RCAJSON.encode(ExampleResult.make().document))
    let keys = try #require(object as? [String: Any]).keys
    for key in [
      "rootCause", "chain", "ruledOut", "timeline", "dataQuality", "window", "alternatives", "impact",
    ] {
      #expect(keys.contains(key), "missing \(key)")
    }
  }

  @Test("the same document gives the same bytes, whatever order its dictionaries were filled in")
  func deterministic() throws {
    var first = ExampleResult.make().document
    var second = first
    first.impact.peakErrorRate = [:]
    second.impact.peakErrorRate = [:]
    let services = (0..<50).map { "service-\($0)" }
    for (index, service) in services.enumerated() {
      first.impact.peakErrorRate[service] = Double(index) / 100
    }
    for (index, service) in services.enumerated().reversed() {
      second.impact.peakErrorRate[service] = Double(index) / 100
    }
    #expect(try RCAJSON.encode(first) == RCAJSON.encode(second))
    #expect(try RCAJSON.encode(first) == RCAJSON.encode(first))
  }

  @Test("keys are sorted, slashes unescaped, and the file ends with one newline")
  func layout() throws {
    let json = try text(ExampleResult.make().document)
    #expect(json.hasSuffix("}\n") && !json.hasSuffix("\n\n"))
    #expect(json.contains("\"db/processlist.txt\""))
    #expect(!json.contains("\\/"))
    let top = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
    #expect(top == top.sorted())
  }

  @Test("float noise is rounded away: 0.1 + 0.2 is written as 0.3, -0 as 0")
  func floatNoise() throws {
    var document = ExampleResult.make().document
    document.chain[0].before = 0.1 + 0.2
    document.timeline[0].after = 1 / 3
    document.timeline[0].before = -0.0
    let json = try text(document)
    #expect(json.contains("\"before\" : 0.3,"))
    #expect(!json.contains("0.30000000000000004"))
    #expect(json.contains("\"after\" : 0.333333333,"))
    #expect(!json.contains("-0,"))
  }

  @Test("a non-finite number is written as a string instead of failing the report")
  func nonFinite() throws {
    var document = ExampleResult.make().document
    document.chain[0].after = .nan
    document.chain[1].after = .infinity
    let json = try text(document)
    #expect(json.contains("\"after\" : \"NaN\""))
    #expect(json.contains("\"after\" : \"Infinity\""))
  }

  @Test("nil optionals are left out rather than written as null")
  func omitsNil() throws {
    var document = ExampleResult.make().document
    document.rootCause.resource = nil
    let json = try text(document)
    #expect(!json.contains("\"resource\" :"))
    #expect(!json.contains("null"))
  }

  @Test("empty arrays and objects are written as [] and {}, brackets inside strings untouched")
  func emptyContainers() throws {
    var document = ExampleResult.make().document
    document.alternatives = []
    document.impact.peakLatencyP90Seconds = [:]
    document.followUps = ["keep [ ] and { } and \"[\n]\" as written"]
    let json = try text(document)
    #expect(json.contains("\"alternatives\" : [],"))
    #expect(json.contains("\"peakLatencyP90Seconds\" : {},"))
    let decoded = try JSONDecoder().decode(RCADocument.self, from: Data(json.utf8))
    #expect(decoded.followUps == document.followUps)
  }
}
