import Formats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One service's application log: events per level and per message template, per bucket.
struct LogAggregate: Sendable {
  struct Template: Sendable {
    /// The hash of the template's shape.
    let key: UInt64
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
  /// In order of first appearance; `slots` finds a template by key. An array, so that counting a line
  /// updates its template in place instead of copying it out of a dictionary and back.
  private(set) var templates: [Template] = []
  private var slots: [UInt64: Int] = [:]
  /// The last message and its template's slot: logs repeat a message many times in a row (an error storm
  /// repeated one line 640 000 times in the sample), and comparing bytes costs a tenth of masking them.
  private var lastMessage: [UInt8] = []
  private var lastSlot: Int?

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
    levels = LogLevel.allCases.map { _ in BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0) }
  }

  /// Counts one event; returns its template's slot while the template still wants examples
  /// (`addExample(_:to:)`), so that the caller builds an example only then.
  mutating func add(_ event: LogEvent, line: UnsafeRawBufferPointer) -> Int? {
    let time = event.time.milliseconds
    levels[Int(event.level.rawValue)].update(at: time) { $0 += 1 }
    let message = UnsafeRawBufferPointer(rebasing: line[event.message])
    if let slot = lastSlot, lastMessage.count == message.count,
      lastMessage.withUnsafeBytes({ last in
        guard let mine = last.baseAddress, let theirs = message.baseAddress else { return true }
        return memcmp(mine, theirs, message.count) == 0
      })
    {
      return count(event, in: slot)
    }
    var key = MessageShape.hash(message)
    if key == Self.overflowKey { key = 1 }
    let slot: Int
    if let known = slots[key] {
      slot = known
    } else if templates.count >= Self.templateLimit {
      slot = self.slot(for: Self.overflowKey, level: event.level) { "(other templates)" }
    } else {
      slot = self.slot(for: key, level: event.level) { MessageShape.template(message) }
    }
    lastMessage.removeAll(keepingCapacity: true)
    lastMessage.append(contentsOf: message)
    lastSlot = slot
    return count(event, in: slot)
  }

  private mutating func count(_ event: LogEvent, in slot: Int) -> Int? {
    templates[slot].counts.update(at: event.time.milliseconds) { $0 += 1 }
    if event.level > templates[slot].level { templates[slot].level = event.level }
    return templates[slot].examples.count < Self.examplesPerTemplate ? slot : nil
  }

  mutating func addExample(_ example: ExampleLine, to slot: Int) {
    templates[slot].examples.append(example)
  }

  /// The slot of the template with `key`, made with `text()` if there is none.
  private mutating func slot(for key: UInt64, level: LogLevel, _ text: () -> String) -> Int {
    if let slot = slots[key] { return slot }
    templates.append(
      Template(
        key: key, text: text(), level: level,
        counts: BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0),
        examples: []))
    slots[key] = templates.count - 1
    return templates.count - 1
  }

  mutating func merge(_ other: LogAggregate) {
    for level in levels.indices {
      levels[level].merge(other.levels[level], +=)
    }
    for theirs in other.templates {
      guard let slot = slots[theirs.key] else {
        slots[theirs.key] = templates.count
        templates.append(theirs)
        continue
      }
      templates[slot].counts.merge(theirs.counts, +=)
      templates[slot].level = max(templates[slot].level, theirs.level)
      templates[slot].examples = Array(
        (templates[slot].examples + theirs.examples).sorted(by: ExampleLine.chronological)
          .prefix(Self.examplesPerTemplate))
    }
  }
}

extension ExampleLine {
  /// Earliest first; ties broken by file and line so merges are deterministic.
  static func chronological(_ a: ExampleLine, _ b: ExampleLine) -> Bool {
    (a.milliseconds, a.path, a.line) < (b.milliseconds, b.path, b.line)
  }
}
