import Formats

/// The logs of services that the records name themselves (a Loki export of a whole namespace, a syslog file of
/// many daemons): one aggregate per name, found from the name's bytes without making a `String` per line.
struct NamedLogs: Sendable {
  /// In order of first appearance.
  private(set) var names: [String] = []
  private(set) var aggregates: [LogAggregate] = []
  /// Slots by a hash of the name's bytes; a hash shared by two names holds both.
  private var slots: [UInt64: [Int]] = [:]
  let stepMilliseconds: Int64

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
  }

  /// The slot of the service named by `name`, added on first sight.
  mutating func slot(for name: UnsafeRawBufferPointer) -> Int {
    let key = Self.hash(name)
    if let candidates = slots[key] {
      for slot in candidates where names[slot].utf8.elementsEqual(name) { return slot }
    }
    return add(String(decoding: name, as: UTF8.self), key: key)
  }

  mutating func add(_ event: LogEvent, line: UnsafeRawBufferPointer, in slot: Int) -> Int? {
    aggregates[slot].add(event, line: line)
  }

  mutating func addExample(_ example: ExampleLine, to template: Int, in slot: Int) {
    aggregates[slot].addExample(example, to: template)
  }

  func wantsTypedExample(in slot: Int) -> Bool { aggregates[slot].wantsTypedExample }

  mutating func addTypedExample(_ example: ExampleLine, in slot: Int) {
    aggregates[slot].addTypedExample(example)
  }

  /// Adds the logs of later records, service by service in their order of appearance.
  mutating func merge(_ later: NamedLogs) {
    for (name, aggregate) in zip(later.names, later.aggregates) {
      let key = Self.hash(name.utf8)
      let slot = slots[key]?.first { names[$0] == name } ?? add(name, key: key)
      aggregates[slot].merge(aggregate)
    }
  }

  private mutating func add(_ name: String, key: UInt64) -> Int {
    let slot = names.count
    names.append(name)
    aggregates.append(LogAggregate(stepMilliseconds: stepMilliseconds))
    slots[key, default: []].append(slot)
    return slot
  }

  /// FNV-1a: names are a few bytes long.
  private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }
}
