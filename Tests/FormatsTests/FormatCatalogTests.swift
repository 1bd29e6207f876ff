import Testing

@testable import Formats

@Suite("Format catalog")
struct FormatCatalogTests {
  @Test("lists every format once, in detection order, each with a description and an example")
  func complete() {
    #expect(FormatCatalog.entries.map(\.format) == Format.allCases)
    #expect(FormatCatalog.entries.allSatisfy { !$0.summary.isEmpty && !$0.example.isEmpty })
  }

  @Test("each log and access-log example is recognised and parsed as a data record by its own parser only")
  func examplesParse() {
    let parsers: [Format: any LineParser.Type] = [
      .springBoot: SpringBootParser.self, .monolog: MonologParser.self, .jsonLines: JSONLinesParser.self,
      .envoyAccess: EnvoyAccessParser.self, .nginxAccess: NginxAccessParser.self,
    ]
    for entry in FormatCatalog.entries {
      guard let own = parsers[entry.format] else { continue }
      let parsed = recordIsData(own, entry.example)
      #expect(parsed, "\(entry.format)")
      for (format, other) in parsers where format != entry.format {
        let claimed = LogLineHarness.recognizes(other, entry.example)
        #expect(!claimed, "\(format) claims the \(entry.format) example")
      }
    }
  }

  private func recordIsData(_ parser: any LineParser.Type, _ line: String) -> Bool {
    switch LogLineHarness.record(parser, line) {
    case .log, .request: true
    default: false
    }
  }
}
