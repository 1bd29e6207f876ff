import Signals

/// The measurement that clears a database: its connection count flat across the incident, no errors.
struct DatabaseVerdict {
  let context: IncidentContext

  /// "database" ruled out with the levels before and after the onset, or nil when the database changed for
  /// the worse (or there is no database in the evidence).
  func flat() -> RuledOutCause? {
    let totals = context.signals(.dbConnections, subject: .some(nil))
    guard let total = totals.first(where: { $0.key.source == "processlist" }) ?? totals.first else {
      return nil
    }
    let adverse = context.evidence.facts.contains { fact in
      fact.component == total.key.component && fact.isAdverse && fact.category != .context
        && fact.category != .load
    }
    guard !adverse else { return nil }
    let split = context.incidentOnset?.milliseconds ?? total.startMilliseconds
    var before: [Double] = []
    var after: [Double] = []
    for (index, value) in total.values.enumerated() where !value.isNaN {
      if total.milliseconds(at: index) < split { before.append(value) } else { after.append(value) }
    }
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
