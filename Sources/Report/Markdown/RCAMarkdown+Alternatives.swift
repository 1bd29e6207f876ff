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

  func ruledOut() -> [String] {
    let lines = ["## Ruled out", ""]
    guard !document.ruledOut.isEmpty else { return lines + ["None."] }
    return lines
      + document.ruledOut.map { cause in
        "- **" + MarkdownText.inline(cause.cause) + "**: " + MarkdownText.inline(cause.why)
      }
  }
}
