import Formats
import Report
import Signals

/// A night's report put together from what the comparison found, with every quoted name masked.
extension NightlyReport {
  init(
    digest: NightDigest, extraction: Extraction, history: History, comparison: NightComparison,
    breaches: [BandBreach], errors: [String], redactor: Redactor, incidentRedaction: RedactionSummary
  ) {
    var tally = incidentRedaction.counts
    func mask(_ text: String) -> String { redactor.redact(text, tally: &tally) }
    night = digest.night
    window = [
      "from": Timestamp(milliseconds: extraction.windowStart).rfc3339,
      "to": Timestamp(milliseconds: extraction.windowEnd).rfc3339,
    ]
    historyNights = history.nights.count
    newTemplates = comparison.newTemplates().map {
      var template = $0
      template.text = mask(template.text)
      return template
    }
    outOfBand = breaches.map {
      var breach = $0
      breach.signal = mask(breach.signal)
      return breach
    }
    incidents =
      digest.incident.map { incident in
        [
          Incident(
            component: incident.component, kind: incident.kind, resource: incident.resource,
            onset: incident.onset, confidence: incident.confidence, summary: incident.summary,
            report: "incident")
        ]
      } ?? []
    quiet = comparison.quiet().map {
      var item = $0
      item.name = mask(item.name)
      return item
    }
    let quality = digest.quality
    input = Input(
      files: quality.files, bytes: quality.bytes, records: quality.records, skipped: quality.skipped,
      errors: errors.map(mask))
    attention = false
    reasons = []
    exitCode = 0
    expired = []
    redaction = RedactionSummary(
      enabled: redactor.options.enabled, ipAddresses: redactor.options.ipAddresses, counts: tally)
    decide()
  }

  /// Attention and the exit status from what was found: 3 when anything needs a person, else 1 when input
  /// was skipped, else 0.
  mutating func decide() {
    var reasons: [String] = []
    for incident in incidents {
      reasons.append("incident: `\(incident.kind)` in \(incident.component) from \(incident.onset)")
    }
    let errors = newTemplates.filter { $0.severity == "error" }
    if !errors.isEmpty {
      reasons.append(
        "\(errors.count) new error \(errors.count == 1 ? "template" : "templates"): "
          + errors.prefix(3).map { "\($0.service) `\($0.text)`" }.joined(separator: "; "))
    }
    if !outOfBand.isEmpty {
      reasons.append(
        "\(outOfBand.count) \(outOfBand.count == 1 ? "signal" : "signals") out of their baseline band: "
          + outOfBand.prefix(3).map { "`\($0.signal)`" }.joined(separator: ", "))
    }
    if !quiet.isEmpty {
      reasons.append(
        "went quiet: " + quiet.prefix(3).map { "\($0.what) `\($0.name)`" }.joined(separator: ", "))
    }
    self.reasons = reasons
    attention = !reasons.isEmpty
    exitCode = attention ? 3 : (input.skipped > 0 || !input.errors.isEmpty ? 1 : 0)
  }
}
