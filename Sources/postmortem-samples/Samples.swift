import ArgumentParser
import SampleGenerator

@main
struct Samples: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "postmortem-samples", abstract: "Writes the deterministic sample incident bundles.",
    subcommands: [Write.self])
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
