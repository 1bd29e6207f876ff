import Formats

/// MySQL processlist snapshots reduced to counts per bucket, plus the fullest snapshot and the
/// longest-running statements for evidence.
struct ProcesslistAggregate: Sendable {
  /// One snapshot's counts: all a signal needs, so the rows themselves are not kept.
  struct Summary: Sendable {
    var milliseconds: Int64
    var total: Int
    var byUser: [String: Int] = [:]
    /// Client hosts with the port stripped: one pod or app server flooding the server stands out.
    var byHost: [String: Int] = [:]
    var byCommand: [String: Int] = [:]
    /// Rows with an empty or missing `State` are not counted: `Sleep` connections have none.
    var byState: [String: Int] = [:]
    var sleepingByUser: [String: Int] = [:]
    /// Idle (`Sleep`) seconds per user: the oldest connection, and the 90th percentile (nearest rank).
    var oldestIdleByUser: [String: Int] = [:]
    var idleP90ByUser: [String: Int] = [:]

    init(_ snapshot: ProcesslistSnapshot) {
      milliseconds = snapshot.time.milliseconds
      total = snapshot.rows.count
      var idle: [String: [Int]] = [:]
      for row in snapshot.rows {
        byUser[row.user, default: 0] += 1
        byHost[ProcesslistEvidence.stripPort(row.host), default: 0] += 1
        byCommand[row.command, default: 0] += 1
        if let state = row.state, !state.isEmpty { byState[state, default: 0] += 1 }
        if row.command == "Sleep" { idle[row.user, default: []].append(row.seconds) }
      }
      for (user, ages) in idle {
        let sorted = ages.sorted()
        sleepingByUser[user] = sorted.count
        oldestIdleByUser[user] = sorted.last
        idleP90ByUser[user] = sorted[(sorted.count * 9 + 9) / 10 - 1]
      }
    }
  }

  /// The component processlist signals belong to.
  static let component = "mysql"
  /// Statements kept for the report's evidence.
  static let longRunningLimit = 5

  let stepMilliseconds: Int64
  private(set) var summaries: BucketSeries<Summary?>
  private(set) var snapshotCount = 0
  private(set) var firstMilliseconds = Int64.max
  private(set) var lastMilliseconds = Int64.min
  /// The snapshot with the most connections (the latest among equals: its idle ages are the oldest).
  private(set) var fullest: ProcesslistEvidence?
  /// The longest-running client statements of all snapshots, one entry per connection id, longest first.
  private(set) var longRunning: [LongRunningQuery] = []

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
    summaries = BucketSeries(stepMilliseconds: stepMilliseconds, empty: nil)
  }

  mutating func add(_ snapshot: ProcesslistSnapshot, path: String) {
    let summary = Summary(snapshot)
    summaries.update(at: summary.milliseconds) { slot in
      if slot.map({ summary.milliseconds >= $0.milliseconds }) ?? true { slot = summary }
    }
    snapshotCount += 1
    firstMilliseconds = min(firstMilliseconds, summary.milliseconds)
    lastMilliseconds = max(lastMilliseconds, summary.milliseconds)
    // Ranking a snapshot's users costs a pass over its rows: only for one that can be the fullest.
    if fullest.map({ (snapshot.rows.count, snapshot.time.milliseconds) > ($0.total, $0.milliseconds) })
      ?? true
    {
      fullest = ProcesslistEvidence(snapshot: snapshot, path: path)
    }
    // A row shorter than the shortest kept statement can neither enter nor lengthen one kept.
    let shortest = longRunning.count == Self.longRunningLimit ? longRunning.last!.seconds : Int.min
    let queries = snapshot.rows.lazy.filter { $0.seconds >= shortest }.compactMap {
      LongRunningQuery($0, path: path, line: snapshot.line, milliseconds: summary.milliseconds)
    }
    rank(Array(queries))
  }

  mutating func merge(_ other: ProcesslistAggregate) {
    summaries.merge(other.summaries) { mine, theirs in
      if let theirs, mine.map({ theirs.milliseconds >= $0.milliseconds }) ?? true { mine = theirs }
    }
    snapshotCount += other.snapshotCount
    firstMilliseconds = min(firstMilliseconds, other.firstMilliseconds)
    lastMilliseconds = max(lastMilliseconds, other.lastMilliseconds)
    if let theirs = other.fullest, fullest.map({ theirs.isFuller(than: $0) }) ?? true { fullest = theirs }
    rank(other.longRunning)
  }

  /// Keeps the `longRunningLimit` longest statements, each connection once (at its longest sighting): a
  /// query seen in twenty snapshots is one query.
  private mutating func rank(_ queries: [LongRunningQuery]) {
    guard !queries.isEmpty else { return }
    var longest: [Int64: LongRunningQuery] = [:]
    for query in longRunning + queries where longest[query.id].map({ query.outranks($0) }) ?? true {
      longest[query.id] = query
    }
    longRunning = Array(longest.values.sorted { $0.outranks($1) }.prefix(Self.longRunningLimit))
  }
}
