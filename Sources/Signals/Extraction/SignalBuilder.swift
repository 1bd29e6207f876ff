import Formats

/// Turns merged aggregates into signals over one window: rates, ratios, quantiles, counts per subject.
struct SignalBuilder {
  let aggregate: SourceAggregate
  let windowStart: Int64
  let windowEnd: Int64

  var step: Int64 { aggregate.stepMilliseconds }

  func signals() -> [Signal] {
    let signals =
      requestSignals() + logSignals() + outboundSignals() + metricSignals() + processlistSignals()
      + databaseSignals()
    return signals + headroom(signals) + uptimeResets(signals)
  }

  // MARK: Buckets

  /// The bucket numbers of the window at `step`.
  func buckets(step: Int64) -> ClosedRange<Int64> {
    Self.floorDivide(windowStart, step)...Self.floorDivide(windowEnd - 1, step)
  }

  /// The buckets a source covers whole: its first and last are cut short by where the file starts and ends,
  /// and a partial bucket reads as a drop in rate.
  static func whole(_ span: ClosedRange<Int64>) -> ClosedRange<Int64> {
    span.count > 2 ? (span.lowerBound + 1)...(span.upperBound - 1) : span
  }

  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    value >= 0 ? value / divisor : (value - divisor + 1) / divisor
  }

  /// The smallest multiple of the base step at least as wide as a source's sampling interval.
  func nativeStep(first: Int64, last: Int64, count: Int) -> Int64 {
    guard count > 1, last > first else { return step }
    let interval = (last - first) / Int64(count - 1)
    return max(1, (interval + step - 1) / step) * step
  }

  /// The last sample of each coarse bucket (`step`, a multiple of the base step) of a fine-bucketed series.
  func latest<Value>(_ fine: BucketSeries<Value?>, in range: ClosedRange<Int64>, step coarse: Int64)
    -> [Value?]
  {
    let ratio = coarse / step
    return range.map { bucket in
      (bucket * ratio..<bucket * ratio + ratio).reversed().lazy.compactMap { fine[bucket: $0] }.first
    }
  }

  func paths(_ component: String) -> [String] {
    (aggregate.paths[component] ?? []).sorted()
  }

  // MARK: Requests

  private func requestSignals() -> [Signal] {
    let range = buckets(step: step)
    let seconds = Double(step) / 1000
    var formatsPerService: [String: Int] = [:]
    for key in aggregate.requests.keys { formatsPerService[key.service, default: 0] += 1 }
    var signals: [Signal] = []
    for (key, requests) in aggregate.requests.sorted(by: {
      ($0.key.service, $0.key.format.rawValue) < ($1.key.service, $1.key.format.rawValue)
    }) {
      let series = requests.buckets
      let covered = Self.whole(series.firstBucket...series.lastBucket)
      let suffix = formatsPerService[key.service, default: 0] > 1 ? " (\(key.format.rawValue))" : ""
      func make(
        _ kind: SignalKind, _ name: String, _ unit: String, _ role: SignalRole,
        _ examples: [ExampleLine] = [],
        _ value: (RequestAggregate.Bucket) -> Double
      ) -> Signal {
        let values = range.map { bucket in covered.contains(bucket) ? value(series[bucket: bucket]) : .nan }
        return Signal(
          key: SignalKey(component: key.service, kind: kind, source: key.format.rawValue),
          name: "\(key.service) \(name)\(suffix)", unit: unit, role: role,
          startMilliseconds: range.lowerBound * step, stepMilliseconds: step, values: values,
          sources: paths(key.pathsKey), examples: examples)
      }
      let errorExamples = range.compactMap { series[bucket: $0].firstServerError }
      signals.append(make(.requestRate, "request rate", "req/s", .load) { Double($0.requests) / seconds })
      signals.append(
        make(.errorRate, "5xx ratio", "ratio", .symptom, errorExamples) {
          $0.requests > 0 ? Double($0.serverErrors) / Double($0.requests) : .nan
        })
      for (kind, percentile) in [(SignalKind.latencyP50, 50.0), (.latencyP90, 90.0), (.latencyP99, 99.0)] {
        signals.append(
          make(kind, "latency p\(Int(percentile))", "s", .symptom) {
            $0.latency.map { Double($0.valueAtPercentile(percentile)) / 1000 } ?? .nan
          })
      }
    }
    return signals
  }

  // MARK: Logs

  private func logSignals() -> [Signal] {
    let range = buckets(step: step)
    let seconds = Double(step) / 1000
    var signals: [Signal] = []
    var events: [Signal] = []
    for (service, logs) in aggregate.logs.sorted(by: { $0.key < $1.key }) {
      // The service's log covers the buckets from its first to its last event: zero inside, a gap outside.
      var first = Int64.max
      var last = Int64.min
      for series in logs.levels where !series.isEmpty {
        first = min(first, series.firstBucket)
        last = max(last, series.lastBucket)
      }
      guard first <= last else { continue }
      let covered = Self.whole(first...last)
      func rates(_ series: BucketSeries<Int32>) -> [Double] {
        range.map { covered.contains($0) ? Double(series[bucket: $0]) / seconds : .nan }
      }
      for level in LogLevel.allCases where !logs.levels[Int(level.rawValue)].isEmpty {
        signals.append(
          Signal(
            key: SignalKey(component: service, kind: .logLevel, subject: level.name),
            name: "\(service) \(level.name) log lines", unit: "lines/s",
            role: level >= .warn ? .symptom : .context, startMilliseconds: range.lowerBound * step,
            stepMilliseconds: step, values: rates(logs.levels[Int(level.rawValue)]), sources: paths(service)))
      }
      var typed: [Signal] = []
      var untyped: [Signal] = []
      for template in logs.templates.sorted(by: { $0.key < $1.key }) {
        let signal =
          Signal(
            key: SignalKey(component: service, kind: .logTemplate, subject: Self.templateID(template.key)),
            name: "\(service) log \"\(template.text.prefix(120))\"", unit: "lines/s",
            role: template.level >= .warn ? .symptom : .context, startMilliseconds: range.lowerBound * step,
            stepMilliseconds: step, values: rates(template.counts), sources: paths(service),
            examples: template.examples, firstSeenMilliseconds: template.examples.first?.milliseconds)
        signals.append(signal)
        if let first = template.examples.first, Self.isTypedEvent(first.text) {
          typed.append(signal)
        } else {
          untyped.append(signal)
        }
      }
      events += Self.typedEvents(of: service, from: typed)
      // PostgreSQL's own phrases, on the templates the MySQL drivers' table did not claim.
      events += Self.databaseEvents(of: service, from: untyped)
    }
    return signals + events
  }

  /// A short stable id for a template: the first 8 hex digits of the hash of its final text.
  static func templateID(_ key: UInt64) -> String {
    let hex = String(key >> 32, radix: 16)
    return "t" + String(repeating: "0", count: 8 - hex.count) + hex
  }

  // MARK: Metrics

  private func metricSignals() -> [Signal] {
    var signals: [Signal] = []
    var histograms: [MetricSeries: [(upperBound: Double, series: MetricAggregate.Series)]] = [:]
    for (identity, series) in metricSeries() {
      // A histogram's buckets are read together, as quantiles (see `histogramSignals`), not one by one.
      if let bucket = Self.histogramBucket(identity) {
        histograms[bucket.family, default: []].append((bucket.upperBound, series))
        continue
      }
      let native = nativeStep(
        first: series.firstMilliseconds, last: series.lastMilliseconds, count: series.sampleCount)
      let range = buckets(step: native)
      let points = latest(series.points, in: range, step: native)
      let meaning = MetricVocabulary.meaning(of: identity)
      let values: [Double]
      if meaning.isCounter {
        var previous: MetricAggregate.Point?
        values = points.map { point in
          defer { if point != nil { previous = point } }
          guard let point, let before = previous, point.milliseconds > before.milliseconds else {
            return .nan
          }
          let delta = point.value >= before.value ? point.value - before.value : point.value
          return delta / (Double(point.milliseconds - before.milliseconds) / 1000)
        }
      } else {
        values = points.map { $0?.value ?? .nan }
      }
      let scaled = meaning.scale == 1 ? values : values.map { $0 * meaning.scale }
      signals.append(
        Signal(
          key: SignalKey(
            component: meaning.component, kind: meaning.kind, subject: meaning.subject,
            source: MetricVocabulary.displayName(identity)),
          name: MetricVocabulary.displayName(identity) + (meaning.isCounter ? " rate" : ""),
          unit: meaning.unit, role: meaning.role, startMilliseconds: range.lowerBound * native,
          stepMilliseconds: native, values: scaled, sources: series.paths.sorted(), client: meaning.client,
          resource: meaning.resource))
    }
    return signals + histogramSignals(histograms)
  }

  // MARK: Processlist

  /// Hosts and states beyond this many (by peak count) are left out: a fleet of pods must not become
  /// hundreds of signals.
  static let maximumBreakdown = 10

  private func processlistSignals() -> [Signal] {
    let processlist = aggregate.processlist
    guard processlist.snapshotCount > 0 else { return [] }
    let native = nativeStep(
      first: processlist.firstMilliseconds, last: processlist.lastMilliseconds,
      count: processlist.snapshotCount)
    let range = buckets(step: native)
    let summaries = latest(processlist.summaries, in: range, step: native)
    let present = summaries.compactMap { $0 }
    func make(
      _ kind: SignalKind, _ subject: String?, _ name: String, _ unit: String, role: SignalRole = .resource,
      _ value: (ProcesslistAggregate.Summary) -> Double
    ) -> Signal {
      Signal(
        key: SignalKey(
          component: ProcesslistAggregate.component, kind: kind, subject: subject, source: "processlist"),
        name: name, unit: unit, role: role, startMilliseconds: range.lowerBound * native,
        stepMilliseconds: native, values: summaries.map { $0.map(value) ?? .nan },
        sources: paths(ProcesslistAggregate.component))
    }
    /// The keys of a breakdown, all of them or the `limit` with the highest peaks.
    func keys(_ counts: (ProcesslistAggregate.Summary) -> [String: Int], limit: Int = .max) -> [String] {
      var peaks: [String: Int] = [:]
      for summary in present {
        for (key, count) in counts(summary) { peaks[key] = max(peaks[key] ?? 0, count) }
      }
      let ranked = peaks.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit)
      return ranked.map(\.key).sorted()
    }
    var signals = [
      make(.dbConnections, nil, "mysql connections (processlist)", "connections") { Double($0.total) }
    ]
    for user in keys(\.byUser) {
      signals.append(
        make(.dbConnections, user, "mysql connections {user=\(user)}", "connections") {
          Double($0.byUser[user] ?? 0)
        })
      signals.append(
        make(.dbSleeping, user, "mysql Sleep connections {user=\(user)}", "connections") {
          Double($0.sleepingByUser[user] ?? 0)
        })
      signals.append(
        make(.dbIdleAge, user, "mysql oldest idle connection {user=\(user)}", "s") {
          Double($0.oldestIdleByUser[user] ?? 0)
        })
      signals.append(
        make(.dbIdleAgeP90, user, "mysql idle age p90 {user=\(user)}", "s", role: .context) {
          Double($0.idleP90ByUser[user] ?? 0)
        })
    }
    for command in keys(\.byCommand) {
      signals.append(
        make(.dbConnectionsByCommand, command, "mysql connections {command=\(command)}", "connections") {
          Double($0.byCommand[command] ?? 0)
        })
    }
    for host in keys(\.byHost, limit: Self.maximumBreakdown) {
      signals.append(
        make(.dbConnectionsByHost, host, "mysql connections {host=\(host)}", "connections", role: .context) {
          Double($0.byHost[host] ?? 0)
        })
    }
    for state in keys(\.byState, limit: Self.maximumBreakdown) {
      signals.append(
        make(
          .dbConnectionsByState, state, "mysql connections {state=\(state)}", "connections", role: .context
        ) {
          Double($0.byState[state] ?? 0)
        })
    }
    return signals
  }

  // MARK: Derived

  /// `max_connections` minus the connections in use, for each database whose limit a variables dump or
  /// exporter gives: how close the server came to refusing clients.
  private func headroom(_ signals: [Signal]) -> [Signal] {
    var components = Set<String>()
    let limits = signals.filter {
      $0.key.kind == .dbMaxConnections && components.insert($0.key.component).inserted
    }
    return limits.compactMap { limitSignal in
      let component = limitSignal.key.component
      guard let limit = limitSignal.values.last(where: { !$0.isNaN }), limit.isFinite else { return nil }
      let totals = signals.filter {
        $0.key.kind == .dbConnections && $0.key.subject == nil && $0.key.component == component
      }
      guard let total = totals.first(where: { $0.key.source == "processlist" }) ?? totals.first else {
        return nil
      }
      return Signal(
        key: SignalKey(component: component, kind: .dbHeadroom, source: total.key.source),
        name: "\(component) connection headroom (max_connections \(Int(limit)) − connections)",
        unit: "connections", role: .context, startMilliseconds: total.startMilliseconds,
        stepMilliseconds: total.stepMilliseconds, values: total.values.map { limit - $0 },
        sources: total.sources + limitSignal.sources.filter { !total.sources.contains($0) })
    }
  }
}
