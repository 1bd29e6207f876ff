import ArgumentParser

@main
struct Postmortem: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Offline incident forensics: evidence files in, RCA draft out.")
}
