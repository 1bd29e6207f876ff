import Analysis

/// What to do now and later: suggestions for the person on call, and follow-ups for the team.
extension RCAMarkdown {
  func mitigations() -> [String] {
    var lines = [
      "## Mitigation ideas", "",
      "> Suggestions only: Postmortem never executes them. Check each command against the live system first.",
      "",
    ]
    guard !document.mitigations.isEmpty else { return lines + ["None."] }
    for (index, mitigation) in document.mitigations.enumerated() {
      let marker = "\(index + 1). "
      if index > 0 { lines.append("") }
      lines.append(marker + MarkdownText.inline(mitigation.text, startsBlock: true))
      guard !mitigation.commands.isEmpty else { continue }
      // Commands are code: one per line, never reflowed, never escaped.
      let indent = String(repeating: " ", count: marker.count)
      let commands = mitigation.commands.flatMap {
        $0.split(separator: "\n", omittingEmptySubsequences: false)
      }
      .map(String.init)
      let fence = MarkdownText.blockFence(for: commands)
      lines += ["", indent + fence + "sh"] + commands.map { indent + $0 } + [indent + fence]
    }
    return lines
  }

  func followUps() -> [String] {
    let lines = ["## Follow-up actions", ""]
    guard !document.followUps.isEmpty else { return lines + ["None."] }
    return lines + document.followUps.map { "- [ ] " + MarkdownText.inline($0, startsBlock: true) }
  }
}
