import ArgumentParser

@main
struct Postmortem: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Offline incident forensics: evidence files in, RCA draft out.",
    discussion: """
      Reads compressed log archives, metric dumps and MySQL processlist snapshots, detects what changed \
      when, and writes a Markdown RCA draft (RCA.md) with a JSON sidecar (rca.json).
      Exit status: 0 all input read, 1 analysis done but some input skipped, 2 usage error or no usable input; \
      `nightly` adds 3 (attention needed) and 4 (store locked).
      """,
    subcommands: [Analyze.self, NightlyCommand.self, Inspect.self, ListFormats.self])
}
