import Foundation
public import Ingest

/// Writes one scenario's evidence bundle and its ground truth, second by second of simulated time.
public struct BundleWriter {
  public let scenario: Scenario
  public let seed: UInt64
  /// Multiplies traffic (requests and log lines), for benchmark-sized bundles.
  public let scale: Double

  public init(scenario: Scenario, seed: UInt64 = 42, scale: Double = 1) {
    self.scenario = scenario
    self.seed = seed
    self.scale = scale
  }

  /// Writes `<root>/<name>/…` and `<root>/<name>.truth.json` (beside the bundle, so the analyzer never reads it).
  @discardableResult
  public func write(to root: String) throws -> GroundTruth {
    let bundle = root + "/" + scenario.name
    try? FileManager.default.removeItem(atPath: bundle)
    var simulation = try Simulation(scenario: scenario, seed: seed, scale: scale, directory: bundle)
    try simulation.run()
    let truth = simulation.groundTruth()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(truth)
    data.append(0x0A)
    try data.write(to: URL(fileURLWithPath: root + "/" + scenario.name + ".truth.json"))
    return truth
  }
}
