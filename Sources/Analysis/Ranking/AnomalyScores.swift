import Signals

/// BARO's robust anomaly score per component (Pham et al., FSE'24): for each of its series,
/// (max after the onset − median before) / IQR before, series constant before the onset dropped, and the
/// component scored by its most anomalous series.
///
/// RCAEval found learned causal graphs scoring near random on microservice faults while this simple score
/// named the faulty service first in most cases: it is the engine's fallback and tie-breaker, never a reason
/// on its own to call something the root cause.
struct AnomalyScores: Equatable {
  struct Entry: Equatable {
    var component: String
    var score: Double
    /// The series that gave the score, for the report.
    var signal: Int
  }

  /// Components by descending score.
  private(set) var ranked: [Entry] = []

  init(extraction: Extraction, onset: Int64?) {
    guard let onset else { return }
    var best: [String: Entry] = [:]
    for (index, signal) in extraction.signals.enumerated() {
      let meaning = SignalSemantics.meaning(of: signal)
      guard meaning.category != .context, signal.key.kind != .logTemplate,
        let score = Self.score(signal, onset: onset, fallHurts: meaning.fallHurts)
      else { continue }
      let component = signal.key.component
      if score > best[component]?.score ?? -.infinity {
        best[component] = Entry(component: component, score: score, signal: index)
      }
    }
    // Equal scores keep the order of their first series: deterministic, and independent of names.
    ranked = best.values.sorted { ($0.score, -$0.signal) > ($1.score, -$1.signal) }
  }

  /// The score of `component`, 0 when it has none.
  func score(of component: String) -> Double {
    ranked.first { $0.component == component }?.score ?? 0
  }

  static func score(_ signal: Signal, onset: Int64, fallHurts: Bool) -> Double? {
    var before: [Double] = []
    var extreme = -Double.infinity
    for (index, value) in signal.values.enumerated() where value.isFinite {
      if signal.milliseconds(at: index) < onset {
        before.append(fallHurts ? -value : value)
      } else {
        extreme = max(extreme, fallHurts ? -value : value)
      }
    }
    guard extreme.isFinite, let first = before.first, before.contains(where: { $0 != first }),
      let baseline = RobustBaseline(before)
    else { return nil }
    let spread = baseline.iqr > 0 ? baseline.iqr : baseline.scale
    guard spread > 0 else { return nil }
    return (extreme - baseline.median) / spread
  }
}
