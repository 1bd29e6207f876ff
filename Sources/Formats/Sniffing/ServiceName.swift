/// The service a log file belongs to, inferred from its path when its records do not name it.
///
/// Generic rules only, no list of service names: the file name loses its compression, format and rotation
/// suffixes (`.gz`, `.log`, `.1`, `.2024-06-18`, `-20240618`), a Kubernetes pod suffix (`-<replicaset hash>-<id>`
/// as in `shipping-6c8d9f7b54-2xkqp`, or a StatefulSet ordinal `-0`) with everything after it (the container
/// in `…-istio-proxy`, kubelet's `_<namespace>_<container>-<id>`), a sidecar container name, and trailing
/// generic words (`web-access` is `web`). When nothing specific is left (`app.log`, `0.log`), the nearest
/// specific parent directory names the service (`cart/app.log`, `cart/logs/app.log`).
public enum ServiceName {
  public static func infer(fromPath path: String) -> String? {
    var components = path.split(separator: "/", omittingEmptySubsequences: true)
    guard let file = components.popLast() else { return nil }
    if let name = specificName(Array(file.utf8), isFile: true) { return name }
    for _ in 0..<2 {
      guard let directory = components.popLast() else { break }
      if let name = specificName(Array(directory.utf8), isFile: false) { return name }
    }
    return nil
  }

  /// A pod's workload: `shipping-6c8d9f7b54-2xkqp` is `shipping`, `mysql-0` is `mysql`, `fluentd-x7k2p` is
  /// `fluentd`; a name with no pod suffix is its own.
  public static func workload(ofPod pod: String) -> String {
    let name = Array(pod.utf8)
    return String(decoding: name[..<workloadCount(ofPod: name)], as: UTF8.self)
  }

  /// How many leading bytes of a pod's name are its workload's name.
  static func workloadCount(ofPod name: [UInt8]) -> Int {
    let segments = segmentRanges(name)
    var kept = segments.count
    if let suffix = podSuffixStart(name, segments) {
      kept = suffix
    } else if kept > 1, isPodIdentifier(name[segments[kept - 1]]) {
      kept -= 1
    }
    return segments[kept - 1].upperBound
  }

  /// Words that name a kind of log or a place for logs, not a service.
  private static let genericWords: Set<String> = [
    "app", "application", "log", "logs", "access", "error", "errors", "output", "out", "stdout", "stderr",
    "current", "console", "container", "var", "tmp",
  ]
  /// Sidecar containers whose logs are about the service they sit beside.
  private static let sidecarSuffixes: [String] = ["istio-proxy", "linkerd-proxy"]
  /// The alphabet of Kubernetes' generated names (`rand.SafeEncodeString`: no vowels, no 0, 1 or 3).
  private static let podAlphabet = Set("bcdfghjklmnpqrstvwxz2456789".utf8)
  private static let compressionAndFormatExtensions: Set<String> = [
    "gz", "lz4", "zst", "zstd", "bz2", "xz", "log", "txt", "out", "json", "jsonl", "ndjson",
  ]

  private static func specificName(_ bytes: [UInt8], isFile: Bool) -> String? {
    var name = bytes.map(ASCII.lowercased)
    if isFile { stripSuffixes(&name) }
    let segments = segmentRanges(name)
    var kept = segments.count
    if let pod = podSuffixStart(name, segments) {
      kept = pod
    } else if let sidecar = sidecarSuffixes.first(where: { hasSegmentSuffix(name, segments, $0) }) {
      kept -= sidecar.split(separator: "-").count
    } else if kept > 1, isPodIdentifier(name[segments[kept - 1]]) {
      kept -= 1  // a DaemonSet or bare pod: `fluentd-x7k2p`
    }
    while kept > 1, isGeneric(name[segments[kept - 1]]) { kept -= 1 }
    guard kept > 0, !(0..<kept).allSatisfy({ isGeneric(name[segments[$0]]) }) else { return nil }
    return String(decoding: name[..<segments[kept - 1].upperBound], as: UTF8.self)
  }

  /// Drops `.ext` suffixes that say how the file is stored, and rotation stamps (`.1`, `.2024-06-18`,
  /// `-20240618`, `.2024-06-18.02`), in any order.
  private static func stripSuffixes(_ name: inout [UInt8]) {
    while true {
      if let stamp = rotationStampStart(name) {
        name.removeSubrange(stamp...)
      } else if let dot = name.lastIndex(of: ASCII.dot), dot > 0,
        compressionAndFormatExtensions.contains(String(decoding: name[(dot + 1)...], as: UTF8.self))
      {
        name.removeSubrange(dot...)
      } else {
        return
      }
    }
  }

  /// The start of a trailing rotation stamp: `.digits` (`.1`), or a separator then a date or time (digits and
  /// `-_.:`, at least six digits: `.2024-06-18.02`, `-20240618`).
  private static func rotationStampStart(_ name: [UInt8]) -> Int? {
    func isSeparator(_ byte: UInt8) -> Bool {
      byte == ASCII.dot || byte == ASCII.minus || byte == ASCII.underscore
    }
    var start = name.count
    while start > 0,
      ASCII.isDigit(name[start - 1]) || isSeparator(name[start - 1]) || name[start - 1] == ASCII.colon
    {
      start -= 1
    }
    var separator = max(start, 1)
    while separator + 1 < name.count, !(isSeparator(name[separator]) && ASCII.isDigit(name[separator + 1])) {
      separator += 1
    }
    guard separator + 1 < name.count else { return nil }
    let stamp = name[(separator + 1)...]
    if name[separator] == ASCII.dot, stamp.allSatisfy(ASCII.isDigit) { return separator }
    return stamp.count(where: ASCII.isDigit) >= 6 ? separator : nil
  }

  /// The segments between `-` and `_`.
  private static func segmentRanges(_ name: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for (index, byte) in name.enumerated() where byte == ASCII.minus || byte == ASCII.underscore {
      ranges.append(start..<index)
      start = index + 1
    }
    ranges.append(start..<name.count)
    return ranges
  }

  /// The index of the first segment of a pod suffix: a ReplicaSet hash and a pod id, or a StatefulSet ordinal.
  private static func podSuffixStart(_ name: [UInt8], _ segments: [Range<Int>]) -> Int? {
    for index in segments.indices.dropFirst() {
      let segment = name[segments[index]]
      if !segment.isEmpty, segment.count <= 3, segment.allSatisfy(ASCII.isDigit) { return index }
      guard index + 1 < segments.count else { break }
      let next = name[segments[index + 1]]
      if (5...10).contains(segment.count), isGeneratedName(segment), next.count == 5, isGeneratedName(next),
        segment.contains(where: ASCII.isDigit) || next.contains(where: ASCII.isDigit)
      {
        return index
      }
    }
    return nil
  }

  /// Letters and digits as Kubernetes generates them: from its vowel-free alphabet, or (for names written by
  /// other tools, and old numeric hashes) any lower-case letters and digits with at least one digit.
  private static func isGeneratedName(_ segment: ArraySlice<UInt8>) -> Bool {
    segment.allSatisfy(podAlphabet.contains)
      || segment.allSatisfy { ASCII.isDigit($0) || ASCII.isLowerLetter($0) }
        && segment.contains(where: ASCII.isDigit)
  }

  /// A DaemonSet's or bare pod's 5-character id, which must mix letters and digits to be told from a word.
  private static func isPodIdentifier(_ segment: ArraySlice<UInt8>) -> Bool {
    segment.count == 5 && isGeneratedName(segment) && segment.contains(where: ASCII.isDigit)
      && segment.contains(where: ASCII.isLowerLetter)
  }

  private static func hasSegmentSuffix(_ name: [UInt8], _ segments: [Range<Int>], _ suffix: String) -> Bool {
    let parts = suffix.split(separator: "-")
    guard segments.count > parts.count else { return false }
    return zip(segments.suffix(parts.count), parts).allSatisfy { name[$0.0].elementsEqual($0.1.utf8) }
  }

  private static func isGeneric(_ segment: ArraySlice<UInt8>) -> Bool {
    segment.isEmpty || segment.allSatisfy(ASCII.isDigit)
      || genericWords.contains(String(decoding: segment, as: UTF8.self))
  }
}
