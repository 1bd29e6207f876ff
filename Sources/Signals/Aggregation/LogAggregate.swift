import Formats

/// One service's application log: events per level and per message template, per bucket.
struct LogAggregate: Sendable {
  struct Template: Sendable {
    var text: String
    var level: LogLevel
    var counts: BucketSeries<Int32>
    /// First occurrences, earliest first, cited as evidence for "new at …".
    var examples: [ExampleLine]
  }

  /// Beyond this many templates per service, new shapes are counted together: a guard against masking
  /// that fails on some format, so memory stays bounded.
  static let templateLimit = 2_000
  static let overflowKey: UInt64 = 0
  static let examplesPerTemplate = 3

  let stepMilliseconds: Int64
  /// Events per bucket, indexed by `LogLevel.rawValue`.
  private(set) var levels: [BucketSeries<Int32>]
  private(set) var templates: [UInt64: Template] = [:]

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
    levels = LogLevel.allCases.map { _ in BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0) }
  }

  mutating func add(_ event: LogEvent, line: UnsafeRawBufferPointer, example: () -> ExampleLine) {
    let time = event.time.milliseconds
    levels[Int(event.level.rawValue)].update(at: time) { $0 += 1 }
    let message = UnsafeRawBufferPointer(rebasing: line[event.message])
    var key = MessageShape.hash(message)
    if key == Self.overflowKey { key = 1 }
    var index = templates.index(forKey: key)
    if index == nil {
      if templates.count >= Self.templateLimit { key = Self.overflowKey }
      index = templates.index(forKey: key)
      if index == nil {
        let text = key == Self.overflowKey ? "(other templates)" : MessageShape.template(message)
        templates[key] = Template(
          text: text, level: event.level, counts: BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0),
          examples: [])
        index = templates.index(forKey: key)
      }
    }
    let slot = index!
    templates.values[slot].counts.update(at: time) { $0 += 1 }
    if templates.values[slot].examples.count < Self.examplesPerTemplate {
      templates.values[slot].examples.append(example())
    }
    if event.level > templates.values[slot].level { templates.values[slot].level = event.level }
  }

  mutating func merge(_ other: LogAggregate) {
    for level in levels.indices {
      levels[level].merge(other.levels[level], +=)
    }
    for (key, theirs) in other.templates {
      guard var mine = templates[key] else {
        templates[key] = theirs
        continue
      }
      mine.counts.merge(theirs.counts, +=)
      mine.level = max(mine.level, theirs.level)
      mine.examples = Array(
        (mine.examples + theirs.examples).sorted(by: ExampleLine.chronological)
          .prefix(Self.examplesPerTemplate))
      templates[key] = mine
    }
  }
}

extension ExampleLine {
  /// Earliest first; ties broken by file and line so merges are deterministic.
  static func chronological(_ a: ExampleLine, _ b: ExampleLine) -> Bool {
    (a.milliseconds, a.path, a.line) < (b.milliseconds, b.path, b.line)
  }
}
