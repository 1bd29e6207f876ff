/// The keys an access record is counted under, written as bytes into a reused buffer: its route (method and
/// path template, ids masked, query dropped: `GET /api/orders/{id}`), its upstream (the cluster, else the
/// upstream address), its client (address) and user agent.
public enum AccessKeys {
  /// `GET /api/orders/{id}`: a path segment that is a number, a UUID or hex id (8+ characters with a digit)
  /// or a long token with digits becomes `{id}`; the query string goes.
  public static func route(_ record: AccessRecord, in line: UnsafeRawBufferPointer, into key: inout [UInt8]) {
    key.removeAll(keepingCapacity: true)
    if let method = record.method { key.append(contentsOf: line[method]) } else { key.append(0x2D) }
    key.append(0x20)
    guard let path = record.path else {
      key.append(0x2D)
      return
    }
    var end = path.upperBound
    if let query = line.index(of: 0x3F, from: path.lowerBound, to: end) { end = query }
    var start = path.lowerBound
    // An absolute URL (a forward proxy's request line) keeps only its path.
    if let scheme = line.index(of: 0x3A, from: start, to: end), line.matches("://", at: scheme) {
      start = line.index(of: 0x2F, from: scheme + 3, to: end) ?? end
    }
    var segment = start
    while segment < end {
      let next = line.index(of: 0x2F, from: segment + 1, to: end) ?? end
      // The segment's bytes after its leading slash.
      let bodyStart = line[segment] == 0x2F ? segment + 1 : segment
      if line[segment] == 0x2F { key.append(0x2F) }
      if isIdentifier(line, bodyStart..<next) {
        key.append(contentsOf: [0x7B, 0x69, 0x64, 0x7D])  // {id}
      } else {
        key.append(contentsOf: line[bodyStart..<next])
      }
      segment = next
    }
    if key.count == (record.method?.count ?? 1) + 1 { key.append(0x2F) }
  }

  /// Whether a path segment names one thing among many rather than a kind of thing.
  static func isIdentifier(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return false }
    var digits = 0
    var hex = 0
    var dashes = 0
    for index in range {
      let byte = line[index]
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
      } else if (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46) {
        hex += 1
      } else if byte == 0x2D {
        dashes += 1
      }
    }
    if digits == range.count { return true }
    if digits > 0, digits + hex + dashes == range.count, range.count >= 8 { return true }
    return digits > 0 && range.count >= 16
  }
}
