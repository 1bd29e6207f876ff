import Analysis
import Report
import Signals

/// What one night adds to the store: hourly means per signal, templates with their counts, the analysis'
/// change points and incident, the inputs read. Computed once from the extraction and the analysis.
struct NightDigest: Sendable, Equatable {
  struct SignalSummary: Sendable, Equatable {
    var key: String
    var name: String
    var unit: String
    var role: SignalRole
    var kind: SignalKind
    var mean: Double?
    var hours: [HourMean]
  }

  /// One hour of a signal in the run's zone: the mean of its buckets that have data.
  struct HourMean: Sendable, Equatable {
    var hourStart: Int64
    var hourOfDay: Int
    var weekday: Int
    var mean: Double
    var buckets: Int
  }

  struct TemplateSummary: Sendable, Equatable {
    var service: String
    var id: String
    var text: String
    /// `error` for warn and above, `info` otherwise.
    var severity: String
    var count: Int
    var firstSeen: Int64?
    var lastSeen: Int64?
  }

  struct IncidentSummary: Sendable, Equatable {
    var onset: String
    var component: String
    var kind: String
    var resource: String?
    var confidence: Double
    var summary: String
    var rcaJSON: String
  }

  var night: String
  var windowFrom: Int64
  var windowTo: Int64
  var utcOffsetSeconds: Int
  var resolutionSeconds: Int
  var quality: DataQuality
  var signals: [SignalSummary]
  var templates: [TemplateSummary]
  var changePoints: [TimelineEntry]
  var incident: IncidentSummary?
  var inputs: [InputFile]

  init(
    night: String, extraction: Extraction, document: RCADocument, rcaJSON: String?, utcOffsetSeconds: Int,
    inputs: [InputFile]
  ) {
    self.night = night
    windowFrom = extraction.windowStart
    windowTo = extraction.windowEnd
    self.utcOffsetSeconds = utcOffsetSeconds
    resolutionSeconds = Int(extraction.stepMilliseconds / 1000)
    quality = document.dataQuality
    self.inputs = inputs
    changePoints = document.timeline
    var signals: [SignalSummary] = []
    var templates: [TemplateSummary] = []
    for signal in extraction.signals {
      if signal.key.kind == .logTemplate {
        templates.append(Self.template(signal))
      } else {
        signals.append(Self.summary(signal, offsetSeconds: utcOffsetSeconds))
      }
    }
    self.signals = signals
    self.templates = templates.sorted { ($0.service, $0.id) < ($1.service, $1.id) }
    let cause = document.rootCause
    incident =
      cause.kind == .unknown
      ? nil
      : IncidentSummary(
        onset: cause.onset, component: cause.component, kind: cause.kind.rawValue, resource: cause.resource,
        confidence: cause.confidence, summary: cause.summary, rcaJSON: rcaJSON ?? "")
  }

  /// `component|kind|subject|source`: a signal's identity from night to night.
  static func key(_ key: SignalKey) -> String {
    [key.component, key.kind.rawValue, key.subject ?? "", key.source ?? ""].joined(separator: "|")
  }

  private static func summary(_ signal: Signal, offsetSeconds: Int) -> SignalSummary {
    let hourMilliseconds: Int64 = 3_600_000
    let offset = Int64(offsetSeconds) * 1000
    var hours: [HourMean] = []
    var total = 0.0
    var count = 0
    var current: (index: Int64, sum: Double, count: Int)?
    func close() {
      guard let hour = current, hour.count > 0 else { return }
      let day = CivilDay.floorDivide(hour.index, 24)
      hours.append(
        HourMean(
          hourStart: hour.index * hourMilliseconds - offset, hourOfDay: Int(hour.index - day * 24),
          weekday: CivilDay.weekday(day), mean: hour.sum / Double(hour.count), buckets: hour.count))
    }
    for (index, value) in signal.values.enumerated() where !value.isNaN {
      let local = signal.milliseconds(at: index) + offset
      let hour = CivilDay.floorDivide(local, hourMilliseconds)
      if current?.index != hour {
        close()
        current = (hour, 0, 0)
      }
      current!.sum += value
      current!.count += 1
      total += value
      count += 1
    }
    close()
    return SignalSummary(
      key: key(signal.key), name: signal.name, unit: signal.unit, role: signal.role, kind: signal.key.kind,
      mean: count > 0 ? total / Double(count) : nil, hours: hours)
  }

  private static func template(_ signal: Signal) -> TemplateSummary {
    let seconds = Double(signal.stepMilliseconds) / 1000
    var lines = 0.0
    var last: Int?
    for (index, value) in signal.values.enumerated() where !value.isNaN && value > 0 {
      lines += value * seconds
      last = index
    }
    let prefix = signal.key.component + " log \""
    var text = signal.name
    if text.hasPrefix(prefix) && text.hasSuffix("\"") && text.count > prefix.count {
      text = String(text.dropFirst(prefix.count).dropLast())
    }
    return TemplateSummary(
      service: signal.key.component, id: signal.key.subject ?? "", text: text,
      severity: signal.role == .symptom ? "error" : "info", count: Int(lines.rounded()),
      firstSeen: signal.firstSeenMilliseconds,
      lastSeen: last.map { signal.milliseconds(at: $0) + signal.stepMilliseconds })
  }
}

extension NightDigest {
  /// The digest as the store keeps it: template texts and signal names masked like the reports, so the
  /// history holds no secret or address that the reports would not show. Identities (keys, template ids)
  /// are hashes and names of the unmasked text, so masking changes no comparison.
  func masked(_ redactor: Redactor) -> NightDigest {
    var copy = self
    var ignored: [String: Int] = [:]
    for index in copy.templates.indices {
      copy.templates[index].text = redactor.redact(copy.templates[index].text, tally: &ignored)
    }
    for index in copy.signals.indices {
      copy.signals[index].name = redactor.redact(copy.signals[index].name, tally: &ignored)
    }
    return copy
  }
}
