import Signals

/// The charts worth drawing: the signals the chain rests on, then total traffic as the flat reference.
struct ChartSelection {
  let context: IncidentContext

  static let maximumCharts = 6

  func charts(for signals: [Int]) -> [Chart] {
    var seen = Set<Int>()
    var charts: [Chart] = []
    let limit = FindingDetector(extraction: context.extraction).connectionLimit()
    for index in signals where seen.insert(index).inserted && charts.count < Self.maximumCharts - 1 {
      let signal = context.extraction.signals[index]
      let markers = context.findings.filter { $0.signal == index }.map { finding in
        Chart.Marker(
          milliseconds: finding.milliseconds,
          label: "\(finding.change.rawValue) \(UTC.clock(finding.milliseconds))")
      }
      let showsLimit = signal.key.kind == .dbConnections && signal.key.subject == nil
      charts.append(chart(signal, markers: markers, limit: showsLimit ? limit : nil))
    }
    if let total = Traffic(context: context).total { charts.append(chart(total, markers: [], limit: nil)) }
    return charts
  }

  private func chart(_ signal: Signal, markers: [Chart.Marker], limit: Double?) -> Chart {
    Chart(
      title: signal.name, unit: signal.unit, startMilliseconds: signal.startMilliseconds,
      stepMilliseconds: signal.stepMilliseconds, values: signal.values, markers: markers, limit: limit)
  }
}
