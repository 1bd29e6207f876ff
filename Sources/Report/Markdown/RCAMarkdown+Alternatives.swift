import Analysis

/// What else could have caused the incident: hypotheses ranked below the root cause, and causes the evidence
/// rules out.
extension RCAMarkdown {
  func alternatives() -> [String] {
    let lines = ["## Alternatives considered", ""]
    guard !document.alternatives.isEmpty else { return lines + ["None."] }
    var table = MarkdownTable([("Component", .left), ("Kind", .left), ("Confidence", .right), ("Why", .left)])
    for alternative in document.alternatives {
      table.append([
        MarkdownText.inline(alternative.component, inTable: true),
        MarkdownText.code(alternative.kind.rawValue, inTable: true),
        DecimalText.percent(alternative.confidence),
        MarkdownText.inline(alternative.why, inTable: true),
      ])
    }
    return lines + table.lines
  }

  /// Every pattern tried: its hypotheses with their scores and the evidence that decided them, or why it
  /// did not apply, so a reader can check the ranking rather than trust it.
  func hypotheses() -> [String] {
    let lines = ["## Hypotheses weighed", ""]
    guard !document.hypotheses.isEmpty else { return lines + ["None."] }
    var table = MarkdownTable([
      ("Verdict", .left), ("Kind", .left), ("Origin", .left), ("Score", .right), ("Deciding evidence", .left),
    ])
    for record in document.hypotheses {
      let evidence = record.evidence.isEmpty ? record.why : record.evidence.prefix(3).joined(separator: "; ")
      table.append([
        record.verdict,
        MarkdownText.code(record.kind.rawValue, inTable: true),
        record.component.map { MarkdownText.inline($0, inTable: true) } ?? "–",
        DecimalText.number(record.score),
        MarkdownText.inline(evidence, inTable: true),
      ])
    }
    return lines + table.lines
  }

  func ruledOut() -> [String] {
    let lines = ["## Ruled out", ""]
    guard !document.ruledOut.isEmpty else { return lines + ["None."] }
    return lines
      + document.ruledOut.map { cause in
        "- **" + MarkdownText.inline(cause.cause) + "**: " + MarkdownText.inline(cause.why)
      }
  }
}
