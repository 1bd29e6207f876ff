import Signals

/// Every fact of an incident in one index, earliest first, with the look-ups the patterns need.
///
/// The index is the only way patterns see the data: whatever a reader extracts becomes a fact here (a change
/// point with its robust size, a typed event's first occurrence, a plateau at a limit), so a new reader
/// feeds every pattern without touching them.
struct EvidenceIndex {
  let extraction: Extraction
  /// All facts, earliest first (then by signal, for a stable order).
  let facts: [Fact]

  init(extraction: Extraction) {
    self.init(extraction: extraction, findings: FindingDetector(extraction: extraction).findings())
  }

  init(extraction: Extraction, findings: [Finding]) {
    self.extraction = extraction
    facts = findings.sorted { ($0.milliseconds, $0.signal) < ($1.milliseconds, $1.signal) }.map {
      Fact(finding: $0, signal: extraction.signals[$0.signal])
    }
  }

  func signal(_ fact: Fact) -> Signal { extraction.signals[fact.signal] }

  /// Facts matching every given criterion, earliest first.
  func facts(
    _ kinds: Set<SignalKind>? = nil, component: String? = nil, client: String? = nil,
    category: SignalSemantics.Category? = nil, changes: Set<ChangeKind>? = nil, adverse: Bool? = nil
  ) -> [Fact] {
    facts.filter { fact in
      (kinds == nil || kinds!.contains(fact.kind)) && (component == nil || fact.component == component)
        && (client == nil || fact.client == client) && (category == nil || fact.category == category)
        && (changes == nil || changes!.contains(fact.finding.change))
        && (adverse == nil || fact.isAdverse == adverse)
    }
  }

  /// The cited form of a fact: the signal's change, with the file it came from.
  func citation(_ fact: Fact) -> Evidence { EvidenceFactory.change(fact.finding, of: signal(fact)) }
}
