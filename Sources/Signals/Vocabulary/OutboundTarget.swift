/// The host a failed outbound call was aimed at, read from the bytes of its log line: a URL's host
/// (`https://api.stripe.com/v1`, `dns:///ratings:50051`), a `host='…'` / `host=…` / `target=…` / `url=…` /
/// `upstream=…` field, `dial tcp H:port`, or the `H:port` after `connect ECONNREFUSED` and its kin. Run only
/// on lines whose template is an outbound failure (`OutboundCallPhrases`), so its cost is theirs alone.
enum OutboundTarget {
  /// Field names whose value is the target, in the order they are tried.
  private static let fields: [[UInt8]] = ["host=", "target=", "upstream=", "url=", "peer=", "authority="].map
  {
    Array($0.utf8)
  }
  /// Words after which an address `H:port` follows.
  private static let addressLeads: [[UInt8]] = [
    "dial tcp ", "ECONNREFUSED ", "ETIMEDOUT ", "ECONNRESET ", "connect to ", "Connection refused: ",
  ].map { Array($0.utf8) }

  /// The target's host, lower-cased; nil when the line names none.
  static func host(in line: UnsafeRawBufferPointer) -> String? {
    if let scheme = line.firstRange(of: Array("://".utf8)),
      let host = hostName(in: line, from: scheme.upperBound)
    {
      return host
    }
    for field in fields {
      guard let range = line.firstRange(of: field) else { continue }
      var start = range.upperBound
      if start < line.count, line[start] == 0x27 || line[start] == 0x22 { start += 1 }
      if let scheme = schemeEnd(in: line, from: start) { start = scheme }
      if let host = hostName(in: line, from: start) { return host }
    }
    for lead in addressLeads {
      guard let range = line.firstRange(of: lead) else { continue }
      if let host = hostName(in: line, from: range.upperBound) { return host }
    }
    return nil
  }

  /// After `dns:///` or `http://` at `start`, where the host begins.
  private static func schemeEnd(in line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var index = start
    while index < line.count, isSchemeByte(line[index]) { index += 1 }
    guard index + 2 < line.count, line[index] == 0x3A, line[index + 1] == 0x2F, line[index + 2] == 0x2F else {
      return nil
    }
    index += 3
    while index < line.count, line[index] == 0x2F { index += 1 }
    return index
  }

  /// Letters, digits, `.`, `-` and `_` from `start`, skipping a `user@`; nil when there are none or they
  /// are not a host (a bare number).
  private static func hostName(in line: UnsafeRawBufferPointer, from start: Int) -> String? {
    var begin = start
    while begin < line.count, line[begin] == 0x2F { begin += 1 }
    var end = begin
    while end < line.count, isHostByte(line[end]) { end += 1 }
    if end < line.count, line[end] == 0x40 {  // user@host
      begin = end + 1
      end = begin
      while end < line.count, isHostByte(line[end]) { end += 1 }
    }
    guard end > begin, line[begin..<end].contains(where: { !($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
    var bytes = Array(line[begin..<end])
    while let last = bytes.last, last == 0x2E || last == 0x2D { bytes.removeLast() }
    guard !bytes.isEmpty else { return nil }
    return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
  }

  private static func isHostByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == 0x2E || byte == 0x2D || byte == 0x5F
  }

  private static func isSchemeByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || byte == 0x2B
  }
}
