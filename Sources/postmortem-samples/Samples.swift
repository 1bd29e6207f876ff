import ArgumentParser
import SampleGenerator

@main
struct Samples: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "postmortem-samples", abstract: "Writes the deterministic sample incident bundles.",
    subcommands: [Write.self, WriteDay.self])
}

struct Write: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a scenario's bundle and, beside it, its ground truth (<name>.truth.json).")

  @Option(help: "Scenario to write: \(Scenario.all.map(\.name).joined(separator: ", ")), or all.")
  var scenario = "all"

  @Option(help: "Directory to write into.")
  var out = "Samples"

  @Option(help: "Traffic multiplier, for benchmark-sized bundles.")
  var scale: Double = 1

  @Option(help: "Random seed; the same seed writes the same bytes.")
  var seed: UInt64 = 42

  @Option(help: "Write the scenario's variant N instead: other service names, fault timings and day.")
  var variant: UInt64?

  func validate() throws {
    guard scenario == "all" || Scenario.named(scenario) != nil else {
      throw ValidationError(
        "unknown scenario \(scenario); known: \(Scenario.all.map(\.name).joined(separator: ", "))")
    }
    guard scale > 0 else { throw ValidationError("--scale must be positive") }
  }

  func run() throws {
    let chosen = scenario == "all" ? Scenario.all : [Scenario.named(scenario)!]
    for base in chosen {
      let scenario = variant.map { base.variant(seed: $0) } ?? base
      try BundleWriter(scenario: scenario, seed: seed, scale: scale).write(to: out)
      print("wrote \(out)/\(scenario.name) and \(out)/\(scenario.name).truth.json")
    }
  }
}

struct WriteDay: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "day", abstract: "Write one day of the nightly test shop's logs (orders and billing).")

  @Option(help: "Day number from 0 (2026-11-02, a Monday).")
  var index = 0

  @Option(help: "Directory to write into.")
  var out: String

  @Option(help: "Requests per second per service at the busiest hour.")
  var peakRate = 0.3

  @Flag(help: "billing fails from 14:00 to 15:00.")
  var incident = false

  func run() throws {
    var day = DayLogs.day(index)
    day.peakRate = peakRate
    day.incident = incident
    try day.write(to: out)
    print("wrote \(out)")
  }
}
