import Formats

/// A service's failed outbound calls, counted by the host they were aimed at rather than by wording: the
/// templates `Read timed out … zone=eu-1` and `… zone=us-2` are one dependency's failures.
///
/// A template is checked against `OutboundCallPhrases` once, on its first line; only the lines of templates
/// that matched have their target read (`OutboundTarget`).
struct OutboundCalls: Sendable {
  struct Target: Sendable {
    var host: String
    var failure: OutboundCallPhrases.Failure
    var counts: BucketSeries<Int32>
    var examples: [ExampleLine] = []
  }

  /// Hosts beyond this many are counted together, so memory stays bounded whatever the lines name.
  static let hostLimit = 100
  static let otherHosts = "(other hosts)"
  /// A line that names no host is still a failed call of this service.
  static let unknownHost = "(unknown host)"

  let stepMilliseconds: Int64
  private(set) var targets: [Target] = []
  private var byHost: [String: Int] = [:]
  /// Per miner slot: the phrase row its first line matched, -1 for none, absent while unknown.
  private var rows: [Int: Int] = [:]
  /// The target of the line just counted, while it wants that line as an example.
  private(set) var pendingExample: Int?

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
  }

  /// Counts the line of template `slot` if that template is an outbound failure.
  mutating func add(slot: Int, message: UnsafeRawBufferPointer, milliseconds: Int64) {
    pendingExample = nil
    let row: Int
    if let known = rows[slot] {
      row = known
    } else {
      row = OutboundCallPhrases.row(in: message) ?? -1
      rows[slot] = row
    }
    guard row >= 0 else { return }
    let host = OutboundTarget.host(in: message) ?? Self.unknownHost
    let index = target(host, failure: OutboundCallPhrases.rows[row].failure)
    targets[index].counts.update(at: milliseconds) { $0 += 1 }
    if targets[index].examples.count < LogAggregate.examplesPerTemplate
      || milliseconds < targets[index].examples.last!.milliseconds
    {
      pendingExample = index
    }
  }

  mutating func addExample(_ example: ExampleLine) {
    guard let index = pendingExample else { return }
    targets[index].examples.append(example)
    targets[index].examples.sort(by: ExampleLine.chronological)
    if targets[index].examples.count > LogAggregate.examplesPerTemplate {
      targets[index].examples.removeLast()
    }
    pendingExample = nil
  }

  mutating func merge(_ other: OutboundCalls) {
    for theirs in other.targets {
      let index = target(theirs.host, failure: theirs.failure)
      targets[index].counts.merge(theirs.counts, +=)
      targets[index].examples = Array(
        (targets[index].examples + theirs.examples).sorted(by: ExampleLine.chronological)
          .prefix(LogAggregate.examplesPerTemplate))
    }
    // The other's template slots are its miner's, not ours: ours are found again as lines come.
    rows = [:]
    pendingExample = nil
  }

  private mutating func target(_ host: String, failure: OutboundCallPhrases.Failure) -> Int {
    if let known = byHost[host] { return known }
    let name = targets.count < Self.hostLimit ? host : Self.otherHosts
    if let known = byHost[name] { return known }
    byHost[name] = targets.count
    targets.append(
      Target(host: name, failure: failure, counts: BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0))
    )
    return targets.count - 1
  }
}
