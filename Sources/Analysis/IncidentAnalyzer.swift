public import Signals

/// From signals to findings: detects every change, scores the known incident patterns against them, and
/// writes the result as the RCA document and its charts.
public enum IncidentAnalyzer {
  public static func analyze(_ extraction: Extraction, title: String) -> AnalysisResult {
    let findings = FindingDetector(extraction: extraction).findings()
    let context = IncidentContext(extraction: extraction, findings: findings)
    let traffic = Traffic(context: context)

    var hypotheses: [Hypothesis] = []
    if let exhaustion = ConnectionExhaustion(context: context).hypothesis() { hypotheses.append(exhaustion) }
    if let surge = traffic.hypothesis() { hypotheses.append(surge) }
    if let fault = ServiceFault(context: context).hypothesis(explainedElsewhere: !hypotheses.isEmpty) {
      hypotheses.append(fault)
    }
    hypotheses.sort { ($0.confidence, $1.component) > ($1.confidence, $0.component) }

    let window = TimeWindow(from: UTC.format(extraction.windowStart), to: UTC.format(extraction.windowEnd))
    let timeline = TimelineBuilder(context: context).entries()
    let quality = DataQualityReport.make(extraction)
    guard let best = hypotheses.first else {
      return AnalysisResult(
        document: RCADocument(
          title: title, summary: "No incident found: no signal changed significantly in the window.",
          window: window, resolutionSeconds: Int(extraction.stepMilliseconds / 1000),
          rootCause: RootCause(
            component: "unknown", kind: .unknown, resource: nil, onset: window.from, confidence: 0,
            summary: "No symptom (latency, 5xx, error lines) changed in the window."),
          chain: [], alternatives: [],
          ruledOut: RuledOut(context: context, traffic: traffic, best: nil).causes(),
          timeline: timeline,
          impact: Impact(services: [], peakErrorRate: [:], peakLatencyP90Seconds: [:], durationSeconds: 0),
          mitigations: [], followUps: [], dataQuality: quality),
        charts: ChartSelection(context: context, traffic: traffic).charts(for: []))
    }
    let impact = ImpactReport(context: context).impact()
    let alternatives = hypotheses.dropFirst().map { hypothesis in
      Alternative(
        component: hypothesis.component, kind: hypothesis.kind,
        confidence: Numbers.rounded(hypothesis.confidence),
        why: hypothesis.summary)
    }
    let playbook = Playbook(context: context, cause: best)
    let document = RCADocument(
      title: title,
      summary: Narrative.summary(best: best, impact: impact),
      window: window, resolutionSeconds: Int(extraction.stepMilliseconds / 1000),
      rootCause: RootCause(
        component: best.component, kind: best.kind, resource: best.resource,
        onset: UTC.format(best.onsetMilliseconds), confidence: Numbers.rounded(best.confidence),
        summary: best.summary),
      chain: best.chain, alternatives: alternatives,
      ruledOut: RuledOut(context: context, traffic: traffic, best: best).causes(), timeline: timeline,
      impact: impact, mitigations: playbook.mitigations(), followUps: playbook.followUps(),
      dataQuality: quality)
    return AnalysisResult(
      document: document,
      charts: ChartSelection(context: context, traffic: traffic).charts(for: best.chartedSignals))
  }
}
