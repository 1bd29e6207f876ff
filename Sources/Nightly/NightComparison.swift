import Analysis
import Formats
import Report
import Signals

/// Tonight against the store's memory: new templates, signals out of their band, what went quiet.
struct NightComparison {
  let digest: NightDigest
  let history: History

  /// Nights a template or signal must have shown up in (the last one among them) before its absence counts.
  static let habitNights = 3

  /// Templates no earlier night had, errors first, then by first appearance. The store's first night has
  /// no earlier one: it learns, and nothing is new.
  func newTemplates() -> [NightlyReport.NewTemplate] {
    guard !history.nights.isEmpty else { return [] }
    return digest.templates.filter {
      !history.everSeenTemplates.contains(History.templateKey(service: $0.service, id: $0.id))
    }
    .sorted {
      ($0.severity == "error" ? 0 : 1, $0.firstSeen ?? .max, $0.service, $0.id)
        < ($1.severity == "error" ? 0 : 1, $1.firstSeen ?? .max, $1.service, $1.id)
    }
    .map {
      NightlyReport.NewTemplate(
        service: $0.service, id: $0.id, text: $0.text, severity: $0.severity, count: $0.count,
        firstSeen: $0.firstSeen.map { Timestamp(milliseconds: $0).rfc3339 })
    }
  }

  /// Each signal's hours outside the band of the same hour on earlier nights, and the baselines used.
  func bands() -> (breaches: [NightlyReport.BandBreach], baselines: [Baseline.Row]) {
    var breaches: [NightlyReport.BandBreach] = []
    var baselines: [Baseline.Row] = []
    for signal in digest.signals {
      guard let samples = history.hours[signal.key] else { continue }
      var hours: [NightlyReport.BreachHour] = []
      var used: Set<[Int]> = []
      for hour in signal.hours {
        guard
          let row = Baseline.row(
            key: signal.key, hourOfDay: hour.hourOfDay, weekday: hour.weekday, samples: samples)
        else { continue }
        if used.insert([row.hourOfDay, row.weekday]).inserted { baselines.append(row) }
        let band = Baseline.band(row.stats, unit: signal.unit)
        guard !band.contains(hour.mean) else { continue }
        hours.append(
          NightlyReport.BreachHour(
            hour: Timestamp(milliseconds: hour.hourStart).rfc3339, value: hour.mean, low: band.lowerBound,
            high: band.upperBound, median: row.stats.median,
            basis: row.weekday < 0 ? "hour of day" : "weekday",
            samples: row.stats.samples))
      }
      if !hours.isEmpty {
        breaches.append(
          NightlyReport.BandBreach(signal: signal.name, key: signal.key, unit: signal.unit, hours: hours))
      }
    }
    return (breaches, baselines)
  }

  /// Templates and load or context signals present on the last night and on at least `habitNights` of the
  /// nights looked back on, and absent tonight: a job that no longer runs, a service that stopped logging.
  /// Error signals falling silent are good news and are not listed.
  func quiet() -> [NightlyReport.Quiet] {
    guard history.nights.count >= Self.habitNights, let last = history.nights.first else { return [] }
    var quiet: [NightlyReport.Quiet] = []
    let tonightTemplates = Set(
      digest.templates.filter { $0.count > 0 }.map { History.templateKey(service: $0.service, id: $0.id) })
    for (key, seen) in (history.templates[last] ?? [:]).sorted(by: { $0.key < $1.key })
    where seen.count > 0 && !tonightTemplates.contains(key) {
      let nights = history.nights.compactMap { history.templates[$0]?[key] }.filter { $0.count > 0 }
      guard nights.count >= Self.habitNights else { continue }
      let service = key.split(separator: "|").first.map(String.init) ?? ""
      quiet.append(
        NightlyReport.Quiet(
          what: "template", name: service + " log \"" + seen.text + "\"", lastSeen: last,
          usual: Double(nights.map(\.count).reduce(0, +)) / Double(nights.count), unit: "lines"))
    }
    let tonight = Dictionary(
      digest.signals.map { ($0.key, $0.mean) }, uniquingKeysWith: { first, _ in first })
    let roles: Set<String> = [SignalRole.load.rawValue, SignalRole.context.rawValue]
    for (key, seen) in (history.signals[last] ?? [:]).sorted(by: { $0.key < $1.key })
    where roles.contains(seen.role) && (seen.mean ?? 0) > 0 {
      if let mean = tonight[key] ?? nil, mean > 0 { continue }
      let means = history.nights.compactMap { history.signals[$0]?[key]?.mean }.filter { $0 > 0 }
      guard means.count >= Self.habitNights else { continue }
      quiet.append(
        NightlyReport.Quiet(
          what: "signal", name: seen.name, lastSeen: last, usual: means.reduce(0, +) / Double(means.count),
          unit: seen.unit))
    }
    return quiet
  }
}
