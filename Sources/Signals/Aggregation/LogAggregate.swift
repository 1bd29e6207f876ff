import Formats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One service's application log: events per level and per mined message template, per bucket.
struct LogAggregate: Sendable {
  /// A template as the signals see it: its final text, and the counts and examples of its lines.
  struct Template: Sendable {
    /// The hash of the template's final text.
    let key: UInt64
    var text: String
    var level: LogLevel
    var counts: BucketSeries<Int32>
    /// First occurrences, earliest first, cited as evidence for "new at …".
    var examples: [ExampleLine]
  }

  /// What the lines of one mined cluster add up to; the cluster's text may still generalise, and its counts
  /// and examples stay with it when it does.
  private struct Tally: Sendable {
    var level: LogLevel
    var counts: BucketSeries<Int32>
    var examples: [ExampleLine]

    mutating func merge(_ other: Tally) {
      counts.merge(other.counts, +=)
      level = max(level, other.level)
      examples = Array(
        (examples + other.examples).sorted(by: ExampleLine.chronological).prefix(
          LogAggregate.examplesPerTemplate))
    }

    /// Whether a line at `milliseconds` would be among the earliest examples: a log written out of order
    /// (a Loki export newest first, merged pods) must still cite a template's first occurrences.
    func wantsExample(at milliseconds: Int64) -> Bool {
      examples.count < LogAggregate.examplesPerTemplate || milliseconds < examples.last!.milliseconds
    }

    mutating func keep(_ example: ExampleLine) {
      let place = examples.firstIndex { ExampleLine.chronological(example, $0) } ?? examples.endIndex
      examples.insert(example, at: place)
      if examples.count > LogAggregate.examplesPerTemplate { examples.removeLast() }
    }
  }

  /// Beyond this many templates per service, new shapes are counted together: a guard against masking
  /// that fails on some format, so memory stays bounded.
  static let templateLimit = 2_000
  static let overflowKey: UInt64 = 0
  static let examplesPerTemplate = 3
  /// The slot of the lines counted together past `templateLimit`.
  private static let overflowSlot = -1

  let stepMilliseconds: Int64
  /// Events per bucket, indexed by `LogLevel.rawValue`.
  private(set) var levels: [BucketSeries<Int32>]
  private var miner = TemplateMiner(clusterLimit: LogAggregate.templateLimit)
  /// Indexed by the miner's cluster id. An array, so that counting a line updates its tally in place instead
  /// of copying it out of a dictionary and back.
  private var tallies: [Tally] = []
  private var overflow: Tally?
  /// The last message and its slot: logs repeat a message many times in a row (an error storm repeated one
  /// line 640 000 times in the sample), and comparing bytes costs a tenth of masking them.
  private var lastMessage: [UInt8] = []
  private var lastSlot: Int?
  /// Failed outbound calls, by target host.
  private(set) var outbound: OutboundCalls
  /// Start-up banners with versions, shutdowns and restarts.
  private(set) var changes: ChangeMarkers

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
    levels = LogLevel.allCases.map { _ in BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0) }
    outbound = OutboundCalls(stepMilliseconds: stepMilliseconds)
    changes = ChangeMarkers(stepMilliseconds: stepMilliseconds)
  }

  /// The templates with their final texts, in first-seen order; clusters that ended with the same text
  /// (the tree keeps them apart by their leading tokens) are one template.
  var templates: [Template] {
    var texts: [String] = []
    var merged: [Tally] = []
    var byText: [String: Int] = [:]
    // Empty tallies hold the place of clusters whose lines were all counted in another.
    for (id, tally) in tallies.enumerated() where !tally.counts.isEmpty {
      let text = miner.text(of: id)
      if let index = byText[text] {
        merged[index].merge(tally)
      } else {
        byText[text] = merged.count
        texts.append(text)
        merged.append(tally)
      }
    }
    var result = zip(texts, merged).map { text, tally in
      Template(
        key: Self.key(text), text: text, level: tally.level, counts: tally.counts, examples: tally.examples)
    }
    if let overflow {
      result.append(
        Template(
          key: Self.overflowKey, text: "(other templates)", level: overflow.level, counts: overflow.counts,
          examples: overflow.examples))
    }
    return result
  }

  /// A template's key: the hash of its text, so that the same input gives the same ids; never the
  /// overflow's.
  static func key(_ text: String) -> UInt64 {
    var text = text
    let hash = text.withUTF8 { bytes in
      var hash = TokenHash()
      hash.add(UnsafeRawBufferPointer(bytes))
      return hash.finish()
    }
    return hash == overflowKey ? 1 : hash
  }

  /// Counts one event; returns its template's slot when the line would be among the template's earliest
  /// examples (`addExample(_:to:)`), so that the caller builds an example only then.
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
      outbound.add(slot: slot, message: message, milliseconds: time)
      changes.add(slot: slot, message: message, milliseconds: time)
      return count(event, in: slot)
    }
    let slot = miner.add(message) ?? Self.overflowSlot
    while slot >= tallies.count { tallies.append(emptyTally()) }
    if slot == Self.overflowSlot && overflow == nil { overflow = emptyTally() }
    lastMessage.removeAll(keepingCapacity: true)
    lastMessage.append(contentsOf: message)
    lastSlot = slot
    outbound.add(slot: slot, message: message, milliseconds: time)
    changes.add(slot: slot, message: message, milliseconds: time)
    return count(event, in: slot)
  }

  /// Whether the line just added is a failed outbound call or a change marker the report may cite
  /// (`addTypedExample`).
  var wantsTypedExample: Bool { outbound.pendingExample != nil || changes.pendingExample != nil }

  mutating func addTypedExample(_ example: ExampleLine) {
    outbound.addExample(example)
    changes.addExample(example)
  }

  private func emptyTally() -> Tally {
    Tally(level: .trace, counts: BucketSeries(stepMilliseconds: stepMilliseconds, empty: 0), examples: [])
  }

  private mutating func count(_ event: LogEvent, in slot: Int) -> Int? {
    if slot == Self.overflowSlot {
      overflow!.counts.update(at: event.time.milliseconds) { $0 += 1 }
      if event.level > overflow!.level { overflow!.level = event.level }
      return overflow!.wantsExample(at: event.time.milliseconds) ? slot : nil
    }
    tallies[slot].counts.update(at: event.time.milliseconds) { $0 += 1 }
    if event.level > tallies[slot].level { tallies[slot].level = event.level }
    return tallies[slot].wantsExample(at: event.time.milliseconds) ? slot : nil
  }

  mutating func addExample(_ example: ExampleLine, to slot: Int) {
    if slot == Self.overflowSlot {
      overflow!.keep(example)
    } else {
      tallies[slot].keep(example)
    }
  }

  /// Adds the aggregate of the lines right after these: its clusters are placed in this miner in their
  /// first-seen order, and their tallies follow them.
  mutating func merge(_ other: LogAggregate) {
    for level in levels.indices {
      levels[level].merge(other.levels[level], +=)
    }
    let ids = miner.absorb(other.miner)
    for (theirs, id) in zip(other.tallies, ids) {
      guard let id else {
        if overflow == nil { overflow = theirs } else { overflow!.merge(theirs) }
        continue
      }
      while tallies.count <= id { tallies.append(emptyTally()) }
      tallies[id].merge(theirs)
    }
    if let theirs = other.overflow {
      if overflow == nil { overflow = theirs } else { overflow!.merge(theirs) }
    }
    outbound.merge(other.outbound)
    changes.merge(other.changes)
    lastSlot = nil
  }
}

extension ExampleLine {
  /// Earliest first; ties broken by file and line so merges are deterministic.
  static func chronological(_ a: ExampleLine, _ b: ExampleLine) -> Bool {
    (a.milliseconds, a.path, a.line) < (b.milliseconds, b.path, b.line)
  }
}
