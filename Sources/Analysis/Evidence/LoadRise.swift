import Signals

/// A rise of offered load around a change: what makes a busy CPU or a slow service the load's doing rather
/// than a fault of their own.
struct LoadRise {
  let context: IncidentContext

  /// How far before a change a load rise still explains it.
  static let leadMilliseconds: Int64 = 60_000

  /// The rise of requests into `service` (or of all traffic) from a minute before `fact` to its uncertainty
  /// after, in words with its numbers; nil when the load stayed flat.
  func near(_ fact: Fact, of service: String) -> String? {
    let from = fact.milliseconds - Self.leadMilliseconds
    let to = fact.milliseconds + max(fact.uncertaintyMilliseconds, context.extraction.stepMilliseconds)
    let own = context.evidence.facts([.requestRate], changes: [.rise]).first { load in
      (load.component == service || load.resource == service) && load.milliseconds >= from
        && load.milliseconds <= to
        && load.finding.after >= (1 + Traffic.surgeFraction) * max(load.finding.before, 1e-9)
    }
    if let own {
      let signal = context.evidence.signal(own)
      return "\(signal.name) rose \(Numbers.text(own.finding.before)) → \(Numbers.text(own.finding.after)) "
        + "\(signal.unit) at \(UTC.clock(own.milliseconds))"
    }
    if let surge = Traffic(context: context).surge, surge.milliseconds >= from, surge.milliseconds <= to {
      return "total traffic rose \(Numbers.text(surge.before)) → \(Numbers.text(surge.after)) req/s at "
        + UTC.clock(surge.milliseconds)
    }
    return nil
  }
}
