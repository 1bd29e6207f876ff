import Signals

/// The UTC timeline: every significant change of a symptom, resource or load signal, earliest first.
struct TimelineBuilder {
  let context: IncidentContext

  /// Beyond this many entries the timeline keeps the earliest new templates per service and drops the rest;
  /// the chain cites what matters, the timeline should stay readable.
  static let templatesPerService = 5
  static let maximumEntries = 60

  func entries() -> [TimelineEntry] {
    var templatesSeen: [String: Int] = [:]
    var entries: [TimelineEntry] = []
    for finding in context.findings {
      let signal = context.signal(finding)
      guard signal.role != .context else { continue }
      if signal.key.kind == .logTemplate {
        templatesSeen[signal.key.component, default: 0] += 1
        if templatesSeen[signal.key.component]! > Self.templatesPerService { continue }
      }
      entries.append(
        TimelineEntry(
          time: UTC.format(finding.milliseconds), source: Self.source(of: signal), signal: signal.name,
          component: signal.key.component, subject: signal.key.subject, signalKind: signal.key.kind,
          change: finding.change, before: Numbers.rounded(finding.before),
          after: Numbers.rounded(finding.after),
          unit: signal.unit,
          uncertaintySeconds: Int((finding.uncertaintyMilliseconds + 999) / 1000)))
      if entries.count == Self.maximumEntries { break }
    }
    return entries
  }

  /// The file a signal came from, or the folder its files share.
  static func source(of signal: Signal) -> String {
    guard let first = signal.sources.first else { return "" }
    guard signal.sources.count > 1 else { return first }
    var prefix = first
    for path in signal.sources.dropFirst() {
      while !path.hasPrefix(prefix) { prefix.removeLast() }
    }
    if let slash = prefix.lastIndex(of: "/") { prefix = String(prefix[...slash]) }
    return prefix.isEmpty ? "\(signal.sources.count) files" : prefix
  }
}
