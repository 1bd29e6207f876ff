/// The series of a metrics source that may hold millions, rolled up as they are first seen (`SeriesRollup`):
/// each spelling of `name{labels}` is found again by two 64-bit hashes of its bytes (no copy of the bytes is
/// kept: about 32 bytes a spelling), and names a member — one series as read — of a group that the samples
/// name. Spellings that differ only in label order or blanks name the same member.
///
/// A group of series no rule touches is that series, and its samples carry no member. A rolled-up group is
/// named by its first member's own identity, with the rollup's labels and member count beside it, so that a
/// group of one stays exactly the series it was.
struct RollupTable: Sendable {
  /// What a sample of a spelling is filed under.
  struct Entry {
    var group: Int
    /// -1 for a series no rule rolls up.
    var member: Int32
    var leads: Bool
  }

  /// Open addressing, linear probing; a slot holds a spelling index plus one, zero when empty.
  private var slots = [Int32](repeating: 0, count: 1024)
  private var firstHashes: [UInt64] = []
  private var secondHashes: [UInt64] = []
  /// Each spelling's member.
  private var spellingMembers: [Int32] = []
  /// Members whose series was decoded, to find a second spelling of one (most members never are).
  private var decodedMembers: [MetricSeries: Int] = [:]
  /// Each member's group; negative (`-group - 1`) for a series no rule rolls up.
  private var memberGroups: [Int32] = []
  /// Per group: its first member's identity, then, once `series` is read, its rollup.
  private var groups: [MetricSeries] = []
  private var rolledLabels: [[MetricSeries.Label]?] = []
  private var leads: [Int32] = []
  private var memberCounts: [Int] = []
  private var untouched: [MetricSeries: Int] = [:]
  private var rolled: [MetricSeries: Int] = [:]
  /// A spelling with the rollup's labels dropped or cut, as bytes, to its group: most new spellings are one
  /// more replica of a known group and need no `String` at all.
  private var groupKeys = SpellingTable()
  private var keyBuffer: [UInt8] = []

  /// Every group, in order of first appearance; a rolled-up group carries its `rollup`.
  var series: [MetricSeries] {
    groups.indices.map { index in
      var series = groups[index]
      if let labels = rolledLabels[index] {
        series.rollup = MetricSeries.Rollup(labels: labels, members: memberCounts[index])
      }
      return series
    }
  }

  /// The entry of a spelling seen before.
  @inline(__always)
  func entry(for spelling: UnsafeRawBufferPointer) -> Entry? {
    let first = SpellingTable.hash(spelling)
    let second = Self.secondHash(spelling)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: first) & mask
    while true {
      let occupant = Int(slots[slot])
      if occupant == 0 { return nil }
      if firstHashes[occupant - 1] == first, secondHashes[occupant - 1] == second {
        return entry(member: Int(spellingMembers[occupant - 1]))
      }
      slot = (slot + 1) & mask
    }
  }

  /// Files a new spelling; `decode` reads the series it spells (as written, not rolled up), only when its
  /// group is new. Nil when `decode` finds the spelling malformed.
  mutating func add(spelling: UnsafeRawBufferPointer, decode: () -> MetricSeries?) -> Entry? {
    let hasKey = groupKey(of: spelling)
    if hasKey, let group = keyBuffer.withUnsafeBytes({ groupKeys.value(for: $0) }) {
      let member = memberGroups.count
      place(spelling, member: member)
      memberCounts[group] += 1
      memberGroups.append(Int32(group))
      return entry(member: member)
    }
    guard let identity = decode() else { return nil }
    let entry = add(identity, spelling: spelling)
    if hasKey, entry.member >= 0 { keyBuffer.withUnsafeBytes { groupKeys.set(entry.group, for: $0) } }
    return entry
  }

  /// Files a new spelling of the series `identity` (as read, not rolled up).
  mutating func add(_ identity: MetricSeries, spelling: UnsafeRawBufferPointer) -> Entry {
    if let known = decodedMembers[identity] {
      place(spelling, member: known)
      return entry(member: known)
    }
    let member = memberGroups.count
    place(spelling, member: member)
    decodedMembers[identity] = member
    if let labels = SeriesRollup.labels(identity.labels) {
      let key = MetricSeries(name: identity.name, labels: labels, kind: identity.kind)
      let group: Int
      if let known = rolled[key] {
        group = known
      } else {
        group = newGroup(identity, rolledLabels: labels, lead: member)
        rolled[key] = group
      }
      memberCounts[group] += 1
      memberGroups.append(Int32(group))
    } else {
      let group: Int
      if let known = untouched[identity] {
        group = known
      } else {
        group = newGroup(identity, rolledLabels: nil, lead: member)
        untouched[identity] = group
      }
      memberGroups.append(Int32(-group - 1))
    }
    return entry(member: member)
  }

  /// Makes `spelling` findable by its hashes from now on, as `member`'s.
  private mutating func place(_ spelling: UnsafeRawBufferPointer, member: Int) {
    let index = firstHashes.count
    if (index + 1) * 2 > slots.count { grow() }
    let first = SpellingTable.hash(spelling)
    firstHashes.append(first)
    secondHashes.append(Self.secondHash(spelling))
    spellingMembers.append(Int32(member))
    place(spelling: index, hash: first)
  }

  /// Writes into `keyBuffer` the spelling with the rollup's labels dropped and pods cut to their workload,
  /// label by label as written; false when no rule's label is there, or a value to cut has escapes (the
  /// decoded series then decides).
  private mutating func groupKey(of spelling: UnsafeRawBufferPointer) -> Bool {
    keyBuffer.removeAll(keepingCapacity: true)
    guard let open = spelling.firstIndex(of: 0x7B) else { return false }
    keyBuffer.append(contentsOf: spelling[...open])
    var index = open + 1
    var touched = false
    let end = spelling.count - 1  // the closing brace
    while index < end {
      while index < end, spelling[index] == 0x20 || spelling[index] == 0x2C { index += 1 }
      let nameStart = index
      while index < end, spelling[index] != 0x3D { index += 1 }
      let nameEnd = index
      guard index + 1 < end, spelling[index + 1] == 0x22 else { return false }
      index += 2
      let valueStart = index
      var escaped = false
      while index < end, spelling[index] != 0x22 {
        if spelling[index] == 0x5C {
          escaped = true
          index += 1
        }
        index += 1
      }
      guard index < end else { return false }
      let valueEnd = index
      index += 1
      let name = UnsafeRawBufferPointer(rebasing: spelling[nameStart..<nameEnd])
      switch SeriesRollup.action(forLabel: name) {
      case nil:
        keyBuffer.append(contentsOf: spelling[nameStart..<index])
        keyBuffer.append(0x2C)
      case .drop:
        touched = true
      case .workload:
        guard !escaped else { return false }
        touched = true
        let value = Array(spelling[valueStart..<valueEnd])
        keyBuffer.append(contentsOf: spelling[nameStart..<valueStart])
        keyBuffer.append(contentsOf: value[..<ServiceName.workloadCount(ofPod: value)])
        keyBuffer.append(contentsOf: [0x22, 0x2C])
      }
    }
    keyBuffer.append(0x7D)
    return touched
  }

  private mutating func newGroup(
    _ identity: MetricSeries, rolledLabels labels: [MetricSeries.Label]?, lead: Int
  )
    -> Int
  {
    groups.append(identity)
    rolledLabels.append(labels)
    leads.append(Int32(lead))
    memberCounts.append(0)
    return groups.count - 1
  }

  @inline(__always)
  private func entry(member: Int) -> Entry {
    let group = Int(memberGroups[member])
    if group < 0 { return Entry(group: -group - 1, member: -1, leads: true) }
    return Entry(group: group, member: Int32(member), leads: leads[group] == Int32(member))
  }

  private mutating func place(spelling: Int, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(spelling + 1)
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    for spelling in firstHashes.indices { place(spelling: spelling, hash: firstHashes[spelling]) }
  }

  /// FNV-1a over 64-bit words with a different finaliser than `SpellingTable.hash`: two independent 64-bit
  /// hashes make a collision among ten million series about one chance in 10²⁴.
  @inline(__always)
  static func secondHash(_ key: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325 &+ UInt64(key.count)
    var offset = 0
    while offset + 8 <= key.count {
      let word = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      hash = (hash ^ word) &* 0x0000_0100_0000_01B3
      hash ^= hash >> 29
      offset += 8
    }
    while offset < key.count {
      hash = (hash ^ UInt64(key[offset])) &* 0x0000_0100_0000_01B3
      offset += 1
    }
    hash ^= hash >> 31
    hash &*= 0x9E37_79B9_7F4A_7C15
    hash ^= hash >> 29
    return hash
  }
}
