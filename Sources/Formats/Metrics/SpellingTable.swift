#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps byte strings, exactly as a line spells them, to small integers: the per-line lookup of a series or a
/// metric family costs a hash and a `memcmp`, never a `String`. Keys are copied once, on insertion.
struct SpellingTable {
  private struct Entry {
    var hash: UInt64
    var start: Int
    var count: Int
    var value: Int
  }

  /// Open addressing, linear probing; a slot holds an entry index plus one, zero when empty.
  private var slots: [Int32]
  private var entries: [Entry] = []
  private var keys: [UInt8] = []

  init() {
    slots = Array(repeating: 0, count: 64)
  }

  /// The value stored for `key`, if any.
  func value(for key: UnsafeRawBufferPointer) -> Int? {
    entryIndex(for: key, hash: Self.hash(key)).map { entries[$0].value }
  }

  /// Stores `value` for `key`, replacing the value of an equal key.
  mutating func set(_ value: Int, for key: UnsafeRawBufferPointer) {
    let hash = Self.hash(key)
    if let index = entryIndex(for: key, hash: hash) {
      entries[index].value = value
      return
    }
    if (entries.count + 1) * 2 > slots.count { grow() }
    let start = keys.count
    keys.append(contentsOf: key)
    entries.append(Entry(hash: hash, start: start, count: key.count, value: value))
    place(entryIndex: entries.count - 1, hash: hash)
  }

  private func entryIndex(for key: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    return keys.withUnsafeBytes { stored in
      while true {
        let occupant = Int(slots[slot])
        if occupant == 0 { return nil }
        let entry = entries[occupant - 1]
        if entry.hash == hash, entry.count == key.count,
          key.count == 0 || memcmp(stored.baseAddress! + entry.start, key.baseAddress!, key.count) == 0
        {
          return occupant - 1
        }
        slot = (slot + 1) & mask
      }
    }
  }

  private mutating func place(entryIndex: Int, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(entryIndex + 1)
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    for index in entries.indices { place(entryIndex: index, hash: entries[index].hash) }
  }

  /// Eight bytes per step, multiply-rotate mixing and a MurmurHash3 finaliser: fixed, so runs are repeatable.
  static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    var offset = 0
    while offset + 8 <= key.count {
      let word = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      hash = ((hash ^ word) &* 0xFF51_AFD7_ED55_8CCD).rotated(by: 29)
      offset += 8
    }
    if offset < key.count {
      var word: UInt64 = 0
      for index in offset..<key.count { word |= UInt64(key[index]) << (8 * UInt64(index - offset)) }
      hash = ((hash ^ word) &* 0xFF51_AFD7_ED55_8CCD).rotated(by: 29)
    }
    hash ^= hash >> 33
    hash &*= 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash
  }
}

extension UInt64 {
  fileprivate func rotated(by amount: UInt64) -> UInt64 { (self << amount) | (self >> (64 - amount)) }
}
