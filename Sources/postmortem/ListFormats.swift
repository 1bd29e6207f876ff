import ArgumentParser
import Formats

struct ListFormats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "formats", abstract: "List the input formats Postmortem detects, with an example line each.")

  func run() {
    for entry in FormatCatalog.entries {
      print("\(entry.format.rawValue): \(entry.summary)\n    \(entry.example)")
    }
  }
}
