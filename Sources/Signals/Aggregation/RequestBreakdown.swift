import Formats

/// Requests of one service by route, upstream and client: the topology and the load an access log shows.
/// Keys are found from their bytes (no `String` per line); each dimension keeps at most `keyLimit` keys, the
/// rest counted as `(other)`, and the signals take the busiest few (`SignalBuilder.breakdownSignals`).
struct RequestBreakdown: Sendable {
  enum Dimension: Int, CaseIterable, Sendable {
    case route, upstream, client, userAgent

    var label: String {
      switch self {
      case .route: "route"
      case .upstream: "upstream"
      case .client: "client"
      case .userAgent: "user-agent"
      }
    }
  }

  /// One bucket of one key.
  struct Cell: Sendable {
    var requests: Int32 = 0
    var serverErrors: Int32 = 0
    /// Requests by latency, in powers of two of milliseconds (≤ 1 ms, ≤ 2 ms, … ≥ 2¹⁵ ms).
    var latency = InlineArray<17, Int32>(repeating: 0)
    /// The proxy's own time (request − upstream), summed, and the requests that gave both.
    var proxyMilliseconds = 0.0
    var proxied: Int32 = 0

    mutating func add(_ other: Cell) {
      requests += other.requests
      serverErrors += other.serverErrors
      for index in latency.indices { latency[index] += other.latency[index] }
      proxyMilliseconds += other.proxyMilliseconds
      proxied += other.proxied
    }

    /// The latency below which `fraction` of the requests fall, interpolated within its power-of-two bin.
    func latencyMilliseconds(at fraction: Double) -> Double {
      guard requests > 0 else { return .nan }
      let rank = fraction * Double(requests)
      var seen = 0.0
      for index in latency.indices {
        let count = Double(latency[index])
        if count > 0, seen + count >= rank {
          let low = index == 0 ? 0 : Double(1 << (index - 1))
          let high = Double(1 << index)
          return low + (high - low) * (rank - seen) / count
        }
        seen += count
      }
      return Double(1 << (latency.count - 1))
    }
  }

  struct Key: Sendable {
    var name: String
    var cells: BucketSeries<Cell>
    var total = 0
  }

  /// A route seen sent to an upstream (by their keys' slots): what the topology's proxy → service edges
  /// are made of.
  struct Edge: Hashable, Sendable {
    var route: Int
    var upstream: Int
  }

  static let keyLimit = 64
  static let edgeLimit = 500
  static let other = "(other)"

  let stepMilliseconds: Int64
  private(set) var keys: [[Key]] = Dimension.allCases.map { _ in [] }
  private var slots: [[UInt64: [Int]]] = Dimension.allCases.map { _ in [:] }
  private(set) var edges: [Edge: Int] = [:]
  private var buffer: [UInt8] = []

  init(stepMilliseconds: Int64) {
    self.stepMilliseconds = stepMilliseconds
  }

  var isEmpty: Bool { keys.allSatisfy(\.isEmpty) }

  mutating func add(_ record: AccessRecord, line: UnsafeRawBufferPointer) {
    var cell = Cell()
    cell.requests = 1
    cell.serverErrors = record.status >= 500 ? 1 : 0
    let milliseconds = max(0, record.durationMilliseconds)
    let bin = milliseconds <= 1 ? 0 : min(16, Int((Double.log2(milliseconds)).rounded(.up)))
    cell.latency[bin] = 1
    if let upstream = record.upstreamMilliseconds {
      cell.proxyMilliseconds = max(0, record.durationMilliseconds - upstream)
      cell.proxied = 1
    }
    let time = record.time.milliseconds
    AccessKeys.route(record, in: line, into: &buffer)
    let route = count(.route, cell, time)
    if let upstream = record.upstreamCluster ?? record.upstream {
      fill(line[upstream])
      let edge = Edge(route: route, upstream: count(.upstream, cell, time))
      if edges.count < Self.edgeLimit || edges[edge] != nil { edges[edge, default: 0] += 1 }
    }
    if let client = record.client {
      fill(line[client])
      _ = count(.client, cell, time)
    }
    if let agent = record.userAgent {
      fill(line[agent])
      _ = count(.userAgent, cell, time)
    }
  }

  private mutating func fill(_ bytes: Slice<UnsafeRawBufferPointer>) {
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: bytes)
  }

  /// Counts `cell` under the key whose bytes are in `buffer`.
  private mutating func count(_ dimension: Dimension, _ cell: Cell, _ time: Int64) -> Int {
    let slot = slot(dimension, buffer)
    keys[dimension.rawValue][slot].cells.update(at: time) { $0.add(cell) }
    keys[dimension.rawValue][slot].total += 1
    return slot
  }

  /// The key of `bytes`, added on first sight, or `(other)` once the dimension is full.
  private mutating func slot(_ dimension: Dimension, _ bytes: [UInt8]) -> Int {
    let hash = Self.hash(bytes)
    let d = dimension.rawValue
    if let candidates = slots[d][hash] {
      for slot in candidates where keys[d][slot].name.utf8.elementsEqual(bytes) { return slot }
    }
    let name = keys[d].count < Self.keyLimit ? String(decoding: bytes, as: UTF8.self) : Self.other
    return slot(d, name: name, hash: name == Self.other ? Self.hash(Array(name.utf8)) : hash)
  }

  private mutating func slot(_ d: Int, name: String, hash: UInt64) -> Int {
    if let candidates = slots[d][hash], let found = candidates.first(where: { keys[d][$0].name == name }) {
      return found
    }
    keys[d].append(Key(name: name, cells: BucketSeries(stepMilliseconds: stepMilliseconds, empty: Cell())))
    slots[d][hash, default: []].append(keys[d].count - 1)
    return keys[d].count - 1
  }

  mutating func merge(_ other: RequestBreakdown) {
    var mapped: [[Int]] = []
    for dimension in Dimension.allCases {
      let d = dimension.rawValue
      mapped.append(
        other.keys[d].map { theirs in
          let slot = slot(dimension, Array(theirs.name.utf8))
          keys[d][slot].cells.merge(theirs.cells) { $0.add($1) }
          keys[d][slot].total += theirs.total
          return slot
        })
    }
    for (edge, count) in other.edges {
      let mine = Edge(route: mapped[0][edge.route], upstream: mapped[1][edge.upstream])
      if edges.count < Self.edgeLimit || edges[mine] != nil { edges[mine, default: 0] += count }
    }
  }

  /// FNV-1a.
  private static func hash(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }
}
