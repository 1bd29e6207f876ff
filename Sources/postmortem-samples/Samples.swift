import ArgumentParser

@main
struct Samples: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "postmortem-samples", abstract: "Writes the deterministic sample incident bundles.")
}
