import Testing

@testable import Formats

@Suite("Format catalog")
struct FormatCatalogTests {
  @Test("lists every format once, in detection order, each with a description and an example")
  func complete() {
    #expect(FormatCatalog.entries.map(\.format) == Format.allCases)
    #expect(FormatCatalog.entries.allSatisfy { !$0.summary.isEmpty && !$0.example.isEmpty })
  }

  @Test(
    "each log and access-log example is parsed as a data record by its own parser, and claimed by no other but the fallback"
  )
  func examplesParse() {
    let logFormats = Format.allCases.filter(\.readsEvents)
    #expect(logFormats.count == 23)
    // HAProxy logs through syslog: its lines are syslog lines too, and HAProxy, listed first, wins the tie.
    let wrappers: [Format: Format] = [.haproxy: .syslog]
    for entry in FormatCatalog.entries where logFormats.contains(entry.format) {
      guard let own = entry.format.lineParser else { continue }
      #expect(recordIsData(own, entry.example), "\(entry.format)")
      for format in logFormats
      where format != entry.format && !format.isFallback && wrappers[entry.format] != format {
        guard let other = format.lineParser else { continue }
        #expect(!claims(other, entry.example), "\(format) claims the \(entry.format) example")
      }
    }
  }

  private func recordIsData(_ parser: any LineParser.Type, _ line: String) -> Bool {
    switch LogLineHarness.record(parser, line) {
    case .log, .request: true
    default: false
    }
  }

  private func claims(_ parser: any LineParser.Type, _ line: String) -> Bool {
    var line = line
    return line.withUTF8 { parser.recognizes(UnsafeRawBufferPointer($0)) }
  }
}
