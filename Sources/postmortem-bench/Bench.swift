import ArgumentParser

@main
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "postmortem-bench",
    abstract: "Postmortem's benchmarks, one subcommand each; the last line printed is the summary.",
    subcommands: [
      IngestBenchmark.self, ParseBenchmark.self, LoghubBenchmark.self, OpenMetricsBenchmark.self,
      TCPDBenchmark.self, SegmentationBenchmark.self, RCABenchmark.self, PrometheusBenchmark.self,
    ])
}
