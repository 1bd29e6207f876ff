import Formats

/// MySQL processlist snapshots reduced to counts per bucket, plus the fullest snapshot for evidence.
struct ProcesslistAggregate: Sendable {
  /// One snapshot's counts: all a signal needs, so the rows themselves are not kept.
  struct Summary: Sendable {
    var milliseconds: Int64
    var total: Int
    var byUser: [String: Int]
    var byCommand: [String: Int]
    /// Idle (`Sleep`) seconds of the oldest connection per user.
    var oldestIdleByUser: [String: Int]
  }

  /// The component processlist signals belong to.
  static let component = "mysql"

  let stepMilliseconds: Int64
  private(set) var summaries: BucketSeries<Summary?>
  private(set) var snapshotCount = 0
  private(set) var firstMilliseconds = Int64.max
  private(set) var lastMilliseconds = Int64.min
  /// The snapshot with the most connections (the latest among equals: its idle ages are the oldest).
  private(set) var fullest: ProcesslistEvidence?

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
    summaries = BucketSeries(stepMilliseconds: stepMilliseconds, empty: nil)
  }

  mutating func add(_ snapshot: ProcesslistSnapshot, path: String) {
    var summary = Summary(
      milliseconds: snapshot.time.milliseconds, total: snapshot.rows.count, byUser: [:], byCommand: [:],
      oldestIdleByUser: [:])
    for row in snapshot.rows {
      summary.byUser[row.user, default: 0] += 1
      summary.byCommand[row.command, default: 0] += 1
      if row.command == "Sleep" {
        summary.oldestIdleByUser[row.user] = max(summary.oldestIdleByUser[row.user] ?? 0, row.seconds)
      }
    }
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
  }

  mutating func merge(_ other: ProcesslistAggregate) {
    summaries.merge(other.summaries) { mine, theirs in
      if let theirs, mine.map({ theirs.milliseconds >= $0.milliseconds }) ?? true { mine = theirs }
    }
    snapshotCount += other.snapshotCount
    firstMilliseconds = min(firstMilliseconds, other.firstMilliseconds)
    lastMilliseconds = max(lastMilliseconds, other.lastMilliseconds)
    if let theirs = other.fullest, fullest.map({ theirs.isFuller(than: $0) }) ?? true { fullest = theirs }
  }
}
