import Analysis

/// The causal chain as a Mermaid `flowchart LR`.
///
/// Arrows follow the links' `causedBy` (calls and shared resources, as the analysis inferred them); a link
/// without it follows the one before. Edges into `collateral` and `downstream` links are dotted: another
/// client of the exhausted database is hurt by the database, not by the previous service's symptom. The
/// `cause` link is highlighted.
struct ChainFlowchart {
  let chain: [CausalLink]
  let times: TimeStyle

  static let symptomLimit = 60
  private static let sideEffectRoles: Set<String> = ["collateral", "downstream"]

  var lines: [String] {
    var lines = ["flowchart LR"]
    for (index, link) in chain.enumerated() {
      let label = [
        "\(index + 1). " + link.component + " · " + link.role,
        MarkdownText.truncated(MarkdownText.oneLine(link.symptom), to: Self.symptomLimit),
        times.display(link.onset),
      ].map(Self.escaped).joined(separator: "<br/>")
      lines.append("  \(Self.node(index))[\"\(label)\"]")
    }
    for (index, link) in chain.enumerated() where index > 0 {
      let arrow = Self.sideEffectRoles.contains(link.role) ? "-.->" : "-->"
      let sources = (link.causedBy ?? [index - 1]).filter { $0 >= 0 && $0 < index }
      for source in sources.isEmpty ? [index - 1] : sources {
        lines.append("  \(Self.node(source)) \(arrow) \(Self.node(index))")
      }
    }
    let causes = chain.indices.filter { chain[$0].role == "cause" }.map(Self.node)
    if !causes.isEmpty {
      lines.append("  classDef cause stroke:#c00,stroke-width:2px")
      lines.append("  class " + causes.joined(separator: ",") + " cause")
    }
    return lines
  }

  private static func node(_ index: Int) -> String { "L\(index + 1)" }

  /// Mermaid's entity codes for what would end the quoted label or read as HTML.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\"": result += "#quot;"
      case "#": result += "#35;"
      case "<": result += "#lt;"
      case ">": result += "#gt;"
      case "&": result += "#amp;"
      case "`": result += "#96;"
      default: result.append(character)
      }
    }
    return result
  }
}
