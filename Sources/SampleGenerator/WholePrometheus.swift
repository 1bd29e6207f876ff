#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole Prometheus's worth of series, written as `promtool tsdb dump` or as concatenated text exposition
/// scrapes: services of several pods each, every pod exporting container, JVM, pool, HTTP histogram and
/// application families. One service's CPU and latency step up halfway, so an analysis has something to find.
///
/// Written byte by byte into a buffer flushed in large blocks: gigabytes take seconds, not minutes.
package struct WholePrometheus {
  /// How the samples are laid out.
  package enum Form: String, CaseIterable, Sendable {
    /// `{__name__="x", a="b"} value milliseconds`, series by series, as `promtool tsdb dump` prints.
    case promtoolDump = "dump"
    /// `# TYPE` lines and `x{a="b"} value milliseconds`, one whole scrape after another.
    case exposition
  }

  /// Why a dump could not be written.
  package enum WriteError: Error {
    case cannotOpen(String)
    case shortWrite
  }

  package let seriesCount: Int
  package let samplesPerSeries: Int
  package let services = 40
  /// Replicas make a Prometheus large, not metric names: every pod exports the same 500 series.
  package let seriesPerPod = 500
  package var podsPerService: Int { max(1, seriesCount / (services * seriesPerPod)) }
  package let intervalMilliseconds: Int64 = 15_000
  /// 2026-11-27T03:00:00Z.
  package let startMilliseconds: Int64 = 1_795_748_400_000

  package init(seriesCount: Int, samplesPerSeries: Int) {
    self.seriesCount = max(seriesCount, services * seriesPerPod)
    self.samplesPerSeries = max(2, samplesPerSeries)
  }

  /// The service whose CPU and latency step up at the middle sample.
  package static let degradedService = 7

  /// Families every pod exports once; the rest of each pod's series are HTTP histogram buckets and
  /// application gauges, which fill it up to `seriesCount`.
  private static let fixedFamilies: [(name: String, type: String, labels: String)] = [
    ("container_cpu_usage_seconds_total", "counter", "container=\"app\""),
    ("container_memory_working_set_bytes", "gauge", "container=\"app\""),
    ("container_cpu_cfs_throttled_periods_total", "counter", "container=\"app\""),
    ("jvm_threads_live_threads", "gauge", ""),
    ("hikaricp_connections_active", "gauge", "pool=\"HikariPool-1\""),
    ("process_open_fds", "gauge", ""),
  ]
  private static let buckets = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"]
  private static let routes = ["/api/orders", "/api/cart", "/api/items/{id}", "/health"]

  private var pods: Int { services * podsPerService }
  /// Series per pod beyond the fixed families: a histogram route (8 buckets) or an application gauge each.
  private var variablePerPod: Int { seriesPerPod - Self.fixedFamilies.count }

  /// The series actually written: whole pods of `seriesPerPod`.
  package var writtenSeries: Int { pods * seriesPerPod }

  /// Writes the dump to `path`, returning the bytes written.
  @discardableResult
  package func write(_ form: Form, to path: String) throws -> Int64 {
    guard let file = fopen(path, "w") else { throw WholePrometheus.WriteError.cannotOpen(path) }
    defer { fclose(file) }
    var out = ByteBuffer(file: file)
    switch form {
    case .promtoolDump:
      for family in 0..<familyCount {
        for pod in 0..<pods {
          for variant in 0..<variants(of: family) {
            let series = seriesBytes(family: family, pod: pod, variant: variant, dump: true)
            for sample in 0..<samplesPerSeries {
              out.append("{__name__=\"")
              out.append(series)
              out.append(" ")
              out.append(value(family: family, pod: pod, variant: variant, sample: sample))
              out.append(" ")
              out.append(Int64(startMilliseconds + Int64(sample) * intervalMilliseconds))
              out.append("\n")
            }
          }
        }
      }
    case .exposition:
      // Spelled once, written once per scrape.
      let spellings = (0..<familyCount).map { family in
        (0..<pods).map { pod in
          (0..<variants(of: family)).map { seriesBytes(family: family, pod: pod, variant: $0, dump: false) }
        }
      }
      for sample in 0..<samplesPerSeries {
        let time = startMilliseconds + Int64(sample) * intervalMilliseconds
        for family in 0..<familyCount {
          out.append("# TYPE ")
          out.append(
            familyName(family).type == "histogram" ? "http_server_requests_seconds" : familyName(family).name)
          out.append(" ")
          out.append(familyName(family).type)
          out.append("\n")
          for pod in 0..<pods {
            for variant in 0..<variants(of: family) {
              out.append(spellings[family][pod][variant])
              out.append(" ")
              out.append(value(family: family, pod: pod, variant: variant, sample: sample))
              out.append(" ")
              out.append(time)
              out.append("\n")
            }
          }
        }
      }
    }
    try out.flush()
    return out.written
  }

  // MARK: Series

  /// Fixed families, then the HTTP histogram, then the application gauge.
  private var familyCount: Int { Self.fixedFamilies.count + 2 }
  private var histogramRoutes: Int { min(Self.routes.count, variablePerPod / 2 / Self.buckets.count) }
  private var gauges: Int { variablePerPod - histogramRoutes * Self.buckets.count }

  private func variants(of family: Int) -> Int {
    switch family - Self.fixedFamilies.count {
    case ..<0: 1
    case 0: histogramRoutes * Self.buckets.count
    default: gauges
    }
  }

  private func familyName(_ family: Int) -> (name: String, type: String) {
    switch family - Self.fixedFamilies.count {
    case ..<0: (Self.fixedFamilies[family].name, Self.fixedFamilies[family].type)
    case 0: ("http_server_requests_seconds_bucket", "histogram")
    default: ("app_cache_entries", "gauge")
    }
  }

  /// The bytes of a series as the form spells it, without the leading `{__name__="` of a dump.
  private func seriesBytes(family: Int, pod: Int, variant: Int, dump: Bool) -> [UInt8] {
    let (name, _) = familyName(family)
    let service = pod / podsPerService
    let separator = dump ? ", " : ","
    var labels: [(key: String, text: String)] = []
    switch family - Self.fixedFamilies.count {
    case ..<0:
      let fixed = Self.fixedFamilies[family].labels
      if !fixed.isEmpty { labels.append((fixed, fixed)) }
    case 0:
      labels.append(("le", "le=\"\(Self.buckets[variant % Self.buckets.count])\""))
      labels.append(("uri", "uri=\"\(Self.routes[variant / Self.buckets.count])\""))
    default: labels.append(("cache", "cache=\"c\(variant)\""))
    }
    labels.append(("instance", "instance=\"10.\(service).\(pod / 250 % 250).\(pod % 250):8080\""))
    labels.append(("job", "job=\"svc\(service)\""))
    labels.append(("namespace", "namespace=\"shop\""))
    labels.append(("pod", "pod=\"svc\(service)-\(Self.podHash(service))-\(Self.podID(pod))\""))
    // In name order, as promtool prints them.
    let text = labels.sorted { $0.key < $1.key }.map(\.text).joined(separator: separator)
    return Array((name + (dump ? "\", " : "{") + text + "}").utf8)
  }

  /// A ReplicaSet hash as Kubernetes writes it (10 characters of its alphabet).
  private static func podHash(_ service: Int) -> String {
    let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    var state = SplitMix64(seed: UInt64(service) &+ 17)
    return String((0..<10).map { _ in alphabet[Int(state.next() % UInt64(alphabet.count))] })
  }

  private static func podID(_ pod: Int) -> String {
    let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    var state = SplitMix64(seed: UInt64(pod) &+ 1_000_003)
    return String((0..<5).map { _ in alphabet[Int(state.next() % UInt64(alphabet.count))] })
  }

  // MARK: Values

  private func value(family: Int, pod: Int, variant: Int, sample: Int) -> Int64 {
    let service = pod / podsPerService
    let degraded = service == Self.degradedService && sample >= samplesPerSeries / 2
    let seconds = Int64(sample) * intervalMilliseconds / 1000
    switch family - Self.fixedFamilies.count {
    case ..<0:
      switch family {
      case 0:  // CPU seconds ×1000 would need a fraction: count in whole seconds at 1 or 4 cores.
        let before = Int64(samplesPerSeries / 2) * intervalMilliseconds / 1000
        return degraded ? before + (seconds - before) * 4 : seconds
      case 1: return 400_000_000 + Int64(pod % 7) * 1_000_000
      case 2: return degraded ? seconds * 10 : 0
      case 3: return 40 + Int64(pod % 3)
      case 4: return degraded ? 10 : 2
      default: return 120
      }
    case 0:
      // Cumulative bucket counts at 10 req/s; the degraded service's requests move past 1 s.
      let bucket = variant % Self.buckets.count
      let total = 10 * seconds
      let fastBuckets = degraded ? 4 : 2
      return bucket >= fastBuckets ? total : total * Int64(bucket + 1) / Int64(fastBuckets + 1)
    default:
      return Int64(1000 + variant % 97)
    }
  }
}

/// Bytes bound for a file, written out in 1 MiB blocks.
private struct ByteBuffer {
  let file: UnsafeMutablePointer<FILE>
  var bytes: [UInt8] = []
  var written: Int64 = 0

  init(file: UnsafeMutablePointer<FILE>) {
    self.file = file
    bytes.reserveCapacity(1 << 20)
  }

  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    if bytes.count >= 1 << 20 { try? flush() }
  }

  mutating func append(_ raw: [UInt8]) {
    bytes.append(contentsOf: raw)
    if bytes.count >= 1 << 20 { try? flush() }
  }

  mutating func append(_ number: Int64) {
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var value = number.magnitude
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[19 - count] = UInt8(value % 10) + 0x30
        value /= 10
        count += 1
      } while value > 0
      if number < 0 { bytes.append(0x2D) }
      bytes.append(contentsOf: buffer[(20 - count)...])
    }
  }

  mutating func flush() throws {
    guard !bytes.isEmpty else { return }
    let done = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    written += Int64(done)
    bytes.removeAll(keepingCapacity: true)
    if done == 0 { throw WholePrometheus.WriteError.shortWrite }
  }
}
