import Analysis

/// The causal chain as a Mermaid `flowchart LR`.
///
/// Links follow each other in causal order, except that a `collateral` or `downstream` link hangs off the
/// most recent `resource` link before it: another client of the exhausted database is hurt by the database,
/// not by the previous service's symptom. Those edges are dotted; the `cause` link is highlighted.
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
    var lastResource: Int?
    for (index, link) in chain.enumerated() {
      if index > 0 {
        if Self.sideEffectRoles.contains(link.role), let resource = lastResource {
          lines.append("  \(Self.node(resource)) -.-> \(Self.node(index))")
        } else {
          lines.append("  \(Self.node(index - 1)) --> \(Self.node(index))")
        }
      }
      if link.role == "resource" { lastResource = index }
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
