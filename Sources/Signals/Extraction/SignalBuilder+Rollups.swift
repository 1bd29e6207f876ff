import Formats

extension SignalBuilder {
  /// Every metric series to make signals of, by display name: the series as read, except the replicas a
  /// rollup of two or more members sums (`SeriesRollup`), which give way to the rollup.
  func metricSeries() -> [(identity: MetricSeries, series: MetricAggregate.Series)] {
    let metrics = aggregate.metrics
    var replaced = Set<MetricSeries>()
    var entries: [(name: String, identity: MetricSeries, series: MetricAggregate.Series)] = []
    for (identity, rollup) in metrics.rollups where rollup.members > 1 {
      replaced.formUnion(rollup.leads)
      var series = rollup.sums.sampled(
        counter: MetricVocabulary.meaning(of: identity).isCounter || Self.histogramBucket(identity) != nil,
        averaged: SeriesRollup.averages(identity), members: rollup.members)
      series.paths = rollup.paths
      entries.append((MetricVocabulary.displayName(identity), identity, series))
    }
    for (identity, series) in metrics.series where !replaced.contains(identity) {
      entries.append((MetricVocabulary.displayName(identity), identity, series))
    }
    // Names computed once, not per comparison: a whole Prometheus has tens of thousands.
    entries.sort { $0.name < $1.name }
    return entries.map { ($0.identity, $0.series) }
  }

  /// What the rollups did, for the report's data quality: `12000 series rolled up to 240 by dropping …`.
  func rollupNote() -> String? {
    let rollups = aggregate.metrics.rollups.values.filter { $0.members > 1 }
    guard !rollups.isEmpty else { return nil }
    let members = rollups.reduce(0) { $0 + $1.members }
    let labels = SeriesRollup.rules.map {
      $0.action == .drop ? $0.label : "\($0.label) (cut to its workload)"
    }
    let outOfOrder = rollups.reduce(0) { $0 + $1.sums.outOfOrder }
    let late =
      outOfOrder == 0 ? "" : "; \(outOfOrder) samples older than their series' previous one were left out of the sums"
    return "\(members) metric series from replicas were summed into \(rollups.count) series of their service "
      + "(labels dropped or cut where present: \(labels.joined(separator: ", "))); gauges that are ratios, "
      + "quantiles or durations are averaged instead\(late)"
  }
}
