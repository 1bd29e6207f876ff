import Analysis

/// The suspected causal chain: one numbered item per link with the evidence it rests on, then the flowchart.
extension RCAMarkdown {
  /// Longer quoted lines are cut: the `file:line` leads to the rest.
  static let quotedTextLimit = 300

  func causalChain() -> [String] {
    var lines = ["## Suspected causal chain", ""]
    guard !document.chain.isEmpty else { return lines + ["None: no causal chain was found."] }
    for (index, link) in document.chain.enumerated() {
      let marker = "\(index + 1). "
      let indent = String(repeating: " ", count: marker.count)
      lines.append(
        marker + "**" + MarkdownText.inline(link.component) + "** (" + MarkdownText.inline(link.role) + "): "
          + MarkdownText.inline(link.symptom))
      lines.append(
        indent + "- Signal: " + MarkdownText.code(link.signal) + " (" + link.signalKind.rawValue + "), from "
          + times.display(link.onset) + ": "
          + MarkdownText.inline(QuantityText.change(from: link.before, to: link.after, unit: link.unit)))
      if link.evidence.isEmpty {
        lines.append(indent + "- Evidence: none recorded")
      } else {
        lines.append(indent + "- Evidence:")
        lines += link.evidence.map { indent + "  - " + evidence($0) }
      }
    }
    let flowchart = ChainFlowchart(chain: document.chain, times: times).lines
    return lines + ["", "```mermaid"] + flowchart + ["```"]
  }

  /// A quoted line: `` `file:line` at 02:58:41: `text` ``; a value: `02:58:40: text (`file`)`.
  func evidence(_ evidence: Evidence) -> String {
    let at = evidence.time.map { " at " + times.display($0) } ?? ""
    if let line = evidence.line {
      let location = (evidence.file.map { $0 + ":" } ?? "line ") + String(line)
      return MarkdownText.code(location) + at + ": "
        + MarkdownText.code(MarkdownText.truncated(evidence.text, to: Self.quotedTextLimit))
    }
    var text = evidence.time.map { times.display($0) + ": " } ?? ""
    text += MarkdownText.inline(
      MarkdownText.truncated(evidence.text, to: Self.quotedTextLimit), startsBlock: evidence.time == nil)
    if let file = evidence.file { text += " (" + MarkdownText.code(file) + ")" }
    return text
  }
}
