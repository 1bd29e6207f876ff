public import Analysis

/// What the redaction of one report removed, per rule, for the data-quality section and `rca.json`.
public struct RedactionSummary: Sendable, Equatable, Codable {
  public var enabled: Bool
  public var ipAddresses: Bool
  /// Replacements per rule name (`password`, `e-mail address`); rules that matched nothing are absent.
  public var counts: [String: Int]

  public init(enabled: Bool, ipAddresses: Bool, counts: [String: Int]) {
    self.enabled = enabled
    self.ipAddresses = ipAddresses
    self.counts = counts
  }

  public var total: Int { counts.values.reduce(0, +) }
}

extension AnalysisResult {
  /// This result with every string that quotes input masked: evidence lines, signal names (a log template's
  /// text is part of its name), summaries and reasons that cite them, read errors, chart titles. Times,
  /// kinds, numbers, component names and file paths are left as they are.
  package func redacted(_ redactor: Redactor) -> (result: AnalysisResult, summary: RedactionSummary) {
    var tally: [String: Int] = [:]
    func mask(_ text: String) -> String { redactor.redact(text, tally: &tally) }
    var document = self.document
    document.summary = mask(document.summary)
    document.rootCause.summary = mask(document.rootCause.summary)
    document.rootCause.trigger = document.rootCause.trigger.map(mask)
    for index in document.hypotheses.indices {
      document.hypotheses[index].why = mask(document.hypotheses[index].why)
      document.hypotheses[index].evidence = document.hypotheses[index].evidence.map(mask)
    }
    for index in document.chain.indices {
      document.chain[index].symptom = mask(document.chain[index].symptom)
      document.chain[index].signal = mask(document.chain[index].signal)
      for item in document.chain[index].evidence.indices {
        document.chain[index].evidence[item].text = mask(document.chain[index].evidence[item].text)
      }
    }
    for index in document.alternatives.indices {
      document.alternatives[index].why = mask(document.alternatives[index].why)
    }
    for index in document.ruledOut.indices {
      document.ruledOut[index].why = mask(document.ruledOut[index].why)
    }
    for index in document.timeline.indices {
      document.timeline[index].signal = mask(document.timeline[index].signal)
      document.timeline[index].subject = document.timeline[index].subject.map(mask)
    }
    for index in document.mitigations.indices {
      document.mitigations[index].text = mask(document.mitigations[index].text)
      document.mitigations[index].commands = document.mitigations[index].commands.map(mask)
    }
    document.followUps = document.followUps.map(mask)
    document.dataQuality.errors = document.dataQuality.errors.map(mask)
    for index in document.dataQuality.sources.indices {
      document.dataQuality.sources[index].error = document.dataQuality.sources[index].error.map(mask)
    }
    var charts = self.charts
    for index in charts.indices { charts[index].title = mask(charts[index].title) }
    let summary = RedactionSummary(
      enabled: redactor.options.enabled, ipAddresses: redactor.options.ipAddresses, counts: tally)
    return (AnalysisResult(document: document, charts: charts), summary)
  }
}
