import Signals

/// Causes the evidence speaks against, each with the measurement that rules it out.
struct RuledOut {
  let context: IncidentContext
  let traffic: Traffic
  let best: Hypothesis?

  func causes() -> [RuledOutCause] {
    var causes: [RuledOutCause] = []
    let onset = best?.onsetMilliseconds ?? context.incidentOnset?.milliseconds
    if best?.kind != .trafficSurge, let onset, let total = traffic.total,
      let levels = traffic.levels(around: onset)
    {
      let surge =
        traffic.surge.map { _ in
          "; no rise of \(Numbers.percent(Traffic.surgeFraction)) or more before the first symptom"
        }
        ?? ", no change point"
      causes.append(
        RuledOutCause(
          cause: "traffic",
          why: "\(total.name) \(Numbers.text(levels.before)) → \(Numbers.text(levels.after)) req/s "
            + "before and after \(UTC.clock(onset))\(surge)"))
    }
    if best?.resource == nil, let database = databaseVerdict(onset: onset) { causes.append(database) }
    causes.append(RuledOutCause(cause: "deploy", why: "no deploy or change events among the inputs"))
    let hurt = Set(context.firstSymptomByService.keys)
    let calm = context.extraction.services.filter { !hurt.contains($0) }
    if !calm.isEmpty {
      causes.append(
        RuledOutCause(
          cause: "other services",
          why: "\(calm.joined(separator: ", ")): no change in latency, 5xx or error lines"))
    }
    return causes
  }

  /// The database, when its connection counts stayed flat.
  private func databaseVerdict(onset: Int64?) -> RuledOutCause? {
    let totals = context.signals(.dbConnections, subject: .some(nil))
    guard let total = totals.first(where: { $0.key.source == "processlist" }) ?? totals.first else {
      return nil
    }
    let adverse = context.findings.contains { finding in
      let key = context.signal(finding).key
      return key.component == total.key.component && finding.isAdverse
        && [.dbConnections, .dbConnectionErrors].contains(key.kind)
    }
    guard !adverse else { return nil }
    let split = onset ?? total.startMilliseconds
    let before = total.values.enumerated().filter {
      !$0.element.isNaN && total.milliseconds(at: $0.offset) < split
    }
    .map(\.element)
    let after = total.values.enumerated().filter {
      !$0.element.isNaN && total.milliseconds(at: $0.offset) >= split
    }
    .map(\.element)
    func median(_ values: [Double]) -> String {
      values.isEmpty ? "–" : Numbers.text(values.sorted()[values.count / 2])
    }
    let limit = FindingDetector(extraction: context.extraction).connectionLimit()
    let headroom = limit.map { " (max_connections \(Numbers.text($0)), never reached)" } ?? ""
    return RuledOutCause(
      cause: "database",
      why: "\(total.name): median \(median(before)) → \(median(after)) \(total.unit) before and after "
        + "\(UTC.clock(split)), no change point, no connection errors\(headroom)")
  }
}
