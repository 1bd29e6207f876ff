import Formats

/// The database's own diagnostics as signals: slow-log work by user and by fingerprint, and the InnoDB
/// monitor's open transactions, lock waits, deadlocks and purge lag. All belong to the `mysql` component; the
/// user that drives one is its `client`.
extension SignalBuilder {
  /// Fingerprints beyond this many (by total time) get no signals of their own; the evidence still lists the
  /// top ones.
  static let fingerprintSignalLimit = 10
  /// Users beyond this many (by total time) get no signals of their own.
  static let userSignalLimit = 20

  func databaseSignals() -> [Signal] {
    querySignals() + innodbSignals()
  }

  private var databaseSources: [String] { paths(DatabaseAggregate.pathsKey) }

  // MARK: Slow log

  private func querySignals() -> [Signal] {
    let queries = aggregate.database.queries
    guard queries.entries > 0 else { return [] }
    let range = buckets(step: step)
    var first = Int64.max
    var last = Int64.min
    for series in queries.users.values where !series.isEmpty {
      first = min(first, series.firstBucket)
      last = max(last, series.lastBucket)
    }
    // The slow log logs only statements past `long_query_time`: inside its span, no entry is a zero.
    let covered = first...last
    let seconds = Double(step) / 1000
    func signals(
      _ series: BucketSeries<QueryAggregate.Cell>, subject: String, label: String, client: String?
    ) -> [Signal] {
      func make(
        _ kind: SignalKind, _ name: String, _ unit: String, _ role: SignalRole,
        _ value: (QueryAggregate.Cell) -> Double
      ) -> Signal {
        Signal(
          key: SignalKey(
            component: ProcesslistAggregate.component, kind: kind, subject: subject, source: "slow log"),
          name: "mysql \(name) {\(label)}", unit: unit, role: role,
          startMilliseconds: range.lowerBound * step,
          stepMilliseconds: step,
          values: range.map { covered.contains($0) ? value(series[bucket: $0]) : .nan },
          sources: databaseSources,
          client: client)
      }
      return [
        make(.dbSlowQueries, "slow queries", "queries/s", .resource) { Double($0.count) / seconds },
        make(.dbQueryTime, "statement time", "s/s", .resource) { $0.seconds / seconds },
        make(.dbQueryTimeP90, "statement time p90", "s", .context) { $0.histogram?.quantile(0.9) ?? .nan },
        make(.dbRowsExamined, "rows examined", "rows/s", .context) { $0.rowsExamined / seconds },
      ]
    }
    var result: [Signal] = []
    let users = queries.users.map { user, series in
      (user, series, series.values.reduce(0) { $0 + $1.seconds })
    }.sorted { ($0.2, $1.0) > ($1.2, $0.0) }.prefix(Self.userSignalLimit)
    for (user, series, _) in users.sorted(by: { $0.0 < $1.0 }) {
      result += signals(series, subject: user, label: "user=\(user)", client: user)
    }
    for summary in QueryClassSummary.top(queries, limit: Self.fingerprintSignalLimit) {
      guard let key = queries.classes.keys.first(where: { QueryClassSummary.id($0) == summary.id }),
        let series = queries.classes[key]?.cells
      else { continue }
      var made = signals(
        series, subject: summary.id, label: "query=\(summary.fingerprint.prefix(60))",
        client: summary.users.first?.user)
      for index in made.indices {
        made[index].examples = [
          ExampleLine(
            path: summary.path, line: summary.line, milliseconds: summary.milliseconds, text: summary.example)
        ]
      }
      result += made
    }
    return result
  }

  // MARK: InnoDB

  private func innodbSignals() -> [Signal] {
    let innodb = aggregate.database.innodb
    var result: [Signal] = []
    if innodb.reports > 0 {
      var first = Int64.max
      var last = Int64.min
      var count = 0
      for summary in innodb.summaries.values.compactMap({ $0 }) {
        first = min(first, summary.milliseconds)
        last = max(last, summary.milliseconds)
        count += 1
      }
      let native = nativeStep(first: first, last: last, count: count)
      let range = buckets(step: native)
      let summaries = latest(innodb.summaries, in: range, step: native)
      func make(
        _ kind: SignalKind, _ subject: String?, _ name: String, _ unit: String, role: SignalRole = .resource,
        client: String? = nil, _ value: (InnoDBAggregate.Summary) -> Double
      ) -> Signal {
        Signal(
          key: SignalKey(
            component: ProcesslistAggregate.component, kind: kind, subject: subject, source: "innodb status"),
          name: name, unit: unit, role: role, startMilliseconds: range.lowerBound * native,
          stepMilliseconds: native,
          values: summaries.map { $0.map(value) ?? .nan }, sources: databaseSources, client: client)
      }
      let users = Set(summaries.compactMap { $0 }.flatMap(\.oldestByUser.keys)).sorted()
      for user in users {
        result.append(
          make(.dbTransactionAge, user, "mysql oldest open transaction {user=\(user)}", "s", client: user) {
            Double($0.oldestByUser[user] ?? 0)
          })
      }
      result.append(
        make(.dbRowLockWaits, nil, "mysql transactions in lock wait (innodb status)", "transactions") {
          Double($0.lockWaits)
        })
      result.append(
        make(.metric, "history list length", "mysql history list length", "undo records", role: .context) {
          $0.historyListLength
        })
      result.append(
        make(.metric, "semaphore waits", "mysql semaphore waits", "threads", role: .context) {
          $0.semaphoreWaits
        })
      result += deadlockSignal(innodb, span: first...last)
    }
    if !innodb.queriedWaits.isEmpty {
      let range = buckets(step: step)
      result.append(
        Signal(
          key: SignalKey(
            component: ProcesslistAggregate.component, kind: .dbRowLockWaits, source: "lock-wait query"),
          name: "mysql lock waits (lock-wait query)", unit: "waits", role: .resource,
          startMilliseconds: range.lowerBound * step, stepMilliseconds: step,
          values: range.map { innodb.queriedWaits[bucket: $0].map(Double.init) ?? .nan },
          sources: databaseSources))
    }
    return result
  }

  /// Distinct deadlocks per second, zero between the first and last InnoDB report, with the deadlocks cited.
  private func deadlockSignal(_ innodb: InnoDBAggregate, span: ClosedRange<Int64>) -> [Signal] {
    let range = buckets(step: step)
    let times = innodb.deadlocks.values.sorted()
    let lower = Self.floorDivide(min(span.lowerBound, times.first ?? .max), step)
    let upper = Self.floorDivide(max(span.upperBound, times.last ?? .min), step)
    var counts: [Int64: Int] = [:]
    for time in times { counts[Self.floorDivide(time, step), default: 0] += 1 }
    let seconds = Double(step) / 1000
    let examples = innodb.evidence.deadlocks.map { cited in
      ExampleLine(
        path: cited.path, line: cited.line, milliseconds: cited.milliseconds,
        text: "deadlock: "
          + cited.deadlock.transactions.map {
            "thread \($0.threadID.map(String.init) ?? "?") \($0.user ?? "?"): \($0.statement ?? "")"
          }
          .joined(separator: " ⟂ "))
    }
    return [
      Signal(
        key: SignalKey(
          component: ProcesslistAggregate.component, kind: .dbDeadlocks, source: "innodb status"),
        name: "mysql deadlocks (innodb status)", unit: "events/s", role: .symptom,
        startMilliseconds: range.lowerBound * step, stepMilliseconds: step,
        values: range.map { ($0 >= lower && $0 <= upper) ? Double(counts[$0] ?? 0) / seconds : .nan },
        sources: databaseSources, examples: examples, firstSeenMilliseconds: times.first,
        resource: ProcesslistAggregate.component)
    ]
  }

  // MARK: Restarts

  /// A database's `Uptime` that falls is a restart: a `changes` event of the database in that bucket, dated
  /// at the sample minus the uptime it reports (when the new server started).
  func uptimeResets(_ signals: [Signal]) -> [Signal] {
    signals.filter { $0.key.kind == .dbUptime }.compactMap { uptime in
      var previous: Double?
      var values = [Double](repeating: .nan, count: uptime.values.count)
      var examples: [ExampleLine] = []
      let rate = 1000 / Double(uptime.stepMilliseconds)
      for (index, value) in uptime.values.enumerated() where !value.isNaN {
        values[index] = 0
        if let before = previous, value < before {
          values[index] = rate
          let started = uptime.milliseconds(at: index) - Int64(value * 1000)
          examples.append(
            ExampleLine(
              path: uptime.sources.first ?? "", line: 0, milliseconds: started,
              text:
                "\(uptime.key.source ?? uptime.name): Uptime \(Int64(before)) s → \(Int64(value)) s: restarted"
            ))
        }
        previous = value
      }
      guard let first = examples.first else { return nil }
      return Signal(
        key: SignalKey(
          component: uptime.key.component, kind: .changes, subject: "restart",
          source: "uptime reset \(uptime.key.source ?? "")"),
        name: "\(uptime.key.component) restarts (Uptime reset)", unit: "events/s", role: .change,
        startMilliseconds: uptime.startMilliseconds, stepMilliseconds: uptime.stepMilliseconds,
        values: values,
        sources: uptime.sources, examples: Array(examples.prefix(3)),
        firstSeenMilliseconds: first.milliseconds)
    }
  }
}
