import ArgumentParser
import Formats

struct ListFormats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "formats", abstract: "List the input formats Postmortem detects, with an example line each.")

  func run() {
    for format in Format.allCases { print(format.rawValue) }
  }
}
