import Foundation

/// A named zone's offsets over time (`Europe/Berlin`: +01:00 in winter, +02:00 in summer), read once from the
/// system's compiled tz database (`/usr/share/zoneinfo`, or `$TZDIR`): Foundation's `TimeZone` has no named
/// zones without ICU (SWIFT-NOTES.md).
///
/// Only the transitions are kept; times after the last one the file lists (2037 in "fat" files) keep its
/// offset, the rule for later years (the file's POSIX footer) being left unread.
public struct ZoneRules: Sendable, Equatable {
  public let name: String
  /// Instants (seconds since the epoch) at which the offset changes, ascending, and the offset from each on.
  private let transitions: [Int64]
  private let offsets: [Int]
  /// The offset before the first transition.
  private let initial: Int

  /// Reads `name`'s file from the tz database.
  public init(named name: String, directory: String? = nil) throws(ZoneError) {
    let root = directory ?? ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
    guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(".."),
      let data = FileManager.default.contents(atPath: root + "/" + name)
    else { throw .unknown(name: name, directory: root) }
    try self.init(name: name, tzif: [UInt8](data))
  }

  /// Parses a TZif file (RFC 8536), version 1 or the 64-bit data of versions 2 and later.
  init(name: String, tzif bytes: [UInt8]) throws(ZoneError) {
    self.name = name
    func count(_ header: Int, _ field: Int) -> Int? {
      let at = header + 20 + field * 4
      guard at + 4 <= bytes.count else { return nil }
      return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }
    func integer(_ at: Int, width: Int) -> Int64 {
      var value: Int64 = bytes[at] & 0x80 != 0 ? -1 : 0
      for index in at..<(at + width) { value = value << 8 | Int64(bytes[index]) }
      return value
    }
    guard bytes.count >= 44, bytes[0] == 0x54, bytes[1] == 0x5A, bytes[2] == 0x69, bytes[3] == 0x66,
      let utc = count(0, 0), let standard = count(0, 1), let leaps = count(0, 2), let times = count(0, 3),
      let types = count(0, 4), let characters = count(0, 5)
    else { throw .malformed(name: name) }
    var header = 0
    var width = 4
    if bytes[4] >= 0x32 {  // version 2 or later: skip the 32-bit data to the second header
      header = 44 + times * 5 + types * 6 + characters + leaps * 8 + standard + utc
      width = 8
    }
    guard let times = count(header, 3), let types = count(header, 4), types > 0 else {
      throw .malformed(name: name)
    }
    let start = header + 44
    let indices = start + times * width
    let infos = indices + times
    guard infos + types * 6 <= bytes.count else { throw .malformed(name: name) }
    let typeOffsets = (0..<types).map { Int(integer(infos + $0 * 6, width: 4)) }
    transitions = (0..<times).map { integer(start + $0 * width, width: width) }
    var offsets: [Int] = []
    for index in 0..<times {
      let type = Int(bytes[indices + index])
      guard type < types else { throw .malformed(name: name) }
      offsets.append(typeOffsets[type])
    }
    self.offsets = offsets
    // RFC 8536: before the first transition, the first type (local time type 0).
    initial = typeOffsets[0]
  }

  /// The offset east of UTC at an instant.
  public func offset(atUTC seconds: Int64) -> Int {
    var low = 0
    var high = transitions.count
    while low < high {
      let middle = (low + high) / 2
      if transitions[middle] <= seconds { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? initial : offsets[low - 1]
  }

  /// The offset of a wall-clock time (`local`, seconds since the epoch as if it were UTC). A time the clocks
  /// skip (spring forward) takes the offset before the change; a time they repeat (fall back) its first
  /// occurrence, the one before the change.
  public func offset(forLocal local: Int64) -> Int {
    let earlier = offset(atUTC: local - 50_400)
    let later = offset(atUTC: local + 50_400)
    for candidate in [max(earlier, later), min(earlier, later)]
    where offset(atUTC: local - Int64(candidate)) == candidate {
      return candidate
    }
    return earlier
  }
}

/// Why a named zone could not be read.
public enum ZoneError: Error, Equatable, CustomStringConvertible {
  case unknown(name: String, directory: String)
  case malformed(name: String)

  public var description: String {
    switch self {
    case .unknown(let name, let directory): "no zone \(name) in \(directory) (install tzdata, or set TZDIR)"
    case .malformed(let name): "the tz database's file for \(name) is not a TZif file"
    }
  }
}
