import Report

/// `nightly.md`: the night in the order a person on call reads it — verdict, incidents, what is new, what
/// left its band, what went quiet, what was read.
extension NightlyReport {
  public func markdown() -> String {
    var lines = ["# Nightly run: \(night)", ""]
    lines.append(
      "Window `\(window["from"] ?? "")` to `\(window["to"] ?? "")`; compared with \(historyNights) earlier "
        + (historyNights == 1 ? "night." : "nights."))
    lines.append("")
    if attention {
      lines.append("**Attention needed** (exit \(exitCode)):")
      lines += [""] + reasons.map { "- " + $0 }
    } else {
      lines.append(
        historyNights == 0
          ? "**Quiet night** (exit \(exitCode)): the store's first night; templates and baselines learned."
          : "**Quiet night** (exit \(exitCode)): nothing new, nothing out of its band, nothing went quiet.")
    }
    lines += ["", "## Incidents", ""]
    if incidents.isEmpty { lines.append("None found.") }
    for incident in incidents {
      lines.append(
        "- `\(incident.kind)` in **\(incident.component)**"
          + (incident.resource.map { " through **\($0)**" } ?? "")
          + " from \(incident.onset), confidence \(DecimalText.percent(incident.confidence)): \(incident.summary) "
          + "RCA draft: [\(incident.report)/RCA.md](\(incident.report)/RCA.md), "
          + "[RCA.html](\(incident.report)/RCA.html)")
    }
    lines += ["", "## New templates", ""]
    if newTemplates.isEmpty {
      lines.append(historyNights == 0 ? "None: first night, everything learned." : "None.")
    }
    for template in newTemplates {
      lines.append(
        "- \(template.severity == "error" ? "**error**" : "info") \(template.service): `\(template.text)` — "
          + "\(template.count) \(template.count == 1 ? "line" : "lines")"
          + (template.firstSeen.map { ", first at \($0)" } ?? ""))
    }
    lines += ["", "## Out of their baseline band", ""]
    if outOfBand.isEmpty { lines.append("None.") }
    for breach in outOfBand {
      lines.append(
        "- `\(breach.signal)`: \(breach.hours.count) \(breach.hours.count == 1 ? "hour" : "hours")")
      for hour in breach.hours.prefix(6) {
        lines.append(
          "  - \(hour.hour): \(QuantityText.format(hour.value, unit: breach.unit)), band "
            + "\(QuantityText.format(hour.low, unit: breach.unit)) to \(QuantityText.format(hour.high, unit: breach.unit)) "
            + "(median of \(hour.samples) nights, by \(hour.basis))")
      }
      if breach.hours.count > 6 { lines.append("  - and \(breach.hours.count - 6) more hours") }
    }
    lines += ["", "## Went quiet", ""]
    if quiet.isEmpty { lines.append("None.") }
    for item in quiet {
      lines.append(
        "- \(item.what) `\(item.name)`: absent tonight; last seen on \(item.lastSeen), usually "
          + (item.unit == "lines"
            ? DecimalText.number(item.usual) + (item.usual == 1 ? " line" : " lines") + " a night"
            : QuantityText.format(item.usual, unit: item.unit)))
    }
    lines += ["", "## Data quality", ""]
    lines.append(
      "\(input.files) files, \(input.bytes) bytes, \(input.records) records, \(input.skipped) lines skipped.")
    for error in input.errors { lines.append("- " + error) }
    lines += ["", RedactionText.sentence(redaction)]
    if !expired.isEmpty { lines += ["", "Expired under `--keep`: " + expired.joined(separator: ", ") + "."] }
    return lines.joined(separator: "\n") + "\n"
  }
}
