public import Signals

/// From signals to an RCA: indexes every fact, infers the topology, lets every incident pattern form its
/// hypotheses, ranks them, and writes the best as the root cause with the rest as alternatives.
public enum IncidentAnalyzer {
  /// `topology` adds edges the evidence cannot show (`--topology FILE`): `caller` depends on `callee`.
  public static func analyze(
    _ extraction: Extraction, title: String, topology: [(caller: String, callee: String)] = []
  ) -> AnalysisResult {
    // Access logs' breakdowns are evidence too (a proxy's errors on one upstream's routes), kept out of the
    // whole-service figures the report quotes.
    var analysed = extraction
    analysed.signals = UpstreamMap(extraction: extraction).signals(of: extraction)
    let evidence = EvidenceIndex(extraction: analysed)
    let context = IncidentContext(
      extraction: analysed, evidence: evidence, wholeSignals: extraction.signals.count,
      extraEdges: topology.map { Topology.Edge(caller: $0.caller, callee: $0.callee, via: "--topology") })
    let tried = PatternCatalog.all.map { pattern in
      (pattern: pattern, hypotheses: pattern.hypotheses(in: context))
    }
    let ranked = Ranker.ranked(tried.flatMap(\.hypotheses), context: context)
    let best = ranked.first.flatMap { $0.score >= Hypothesis.bar ? Trigger.compose($0, in: context) : nil }

    let window = TimeWindow(from: UTC.format(extraction.windowStart), to: UTC.format(extraction.windowEnd))
    let records = HypothesisRecords.make(tried: tried, ranked: ranked, best: best)
    let ruledOut = RuledOut(context: context, best: best).causes(tried: tried, ranked: ranked)
    let timeline = TimelineBuilder(context: context).entries()
    let quality = DataQualityReport.make(extraction)
    let charts = ChartSelection(context: context)
    guard let best else {
      return AnalysisResult(
        document: RCADocument(
          title: title, summary: Narrative.unknownSummary(strongest: ranked.first, context: context),
          window: window, resolutionSeconds: Int(extraction.stepMilliseconds / 1000),
          rootCause: RootCause(
            component: "unknown", kind: .unknown, resource: nil,
            onset: context.incidentOnset.map { UTC.format($0.milliseconds) } ?? window.from, confidence: 0,
            summary: ranked.isEmpty
              ? "No symptom (latency, 5xx, error lines) or resource changed in the window."
              : "No hypothesis reached the bar; the strongest are listed as alternatives."),
          chain: [], alternatives: Alternatives.unknown(ranked: ranked, context: context),
          hypotheses: records,
          ruledOut: ruledOut, timeline: timeline,
          impact: ImpactReport(context: context).impact(), mitigations: [], followUps: [],
          dataQuality: quality),
        charts: charts.charts(for: ranked.first?.chartedSignals ?? []))
    }
    let impact = ImpactReport(context: context).impact()
    let document = RCADocument(
      title: title,
      summary: Narrative.summary(best: best, impact: impact),
      window: window, resolutionSeconds: Int(extraction.stepMilliseconds / 1000),
      rootCause: RootCause(
        component: best.component, kind: best.kind, resource: best.resource, client: best.client,
        trigger: best.trigger, onset: UTC.format(best.onsetMilliseconds),
        uncertaintySeconds: Int(
          (max(best.uncertaintyMilliseconds, extraction.stepMilliseconds) + 999) / 1000),
        confidence: Numbers.rounded(best.confidence), summary: best.summary),
      chain: best.chain, alternatives: Alternatives.ranked(ranked, best: best), hypotheses: records,
      ruledOut: ruledOut, timeline: timeline, impact: impact, mitigations: best.mitigations,
      followUps: best.followUps, dataQuality: quality)
    return AnalysisResult(document: document, charts: charts.charts(for: best.chartedSignals))
  }
}
