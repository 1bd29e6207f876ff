/// Online log template mining after Drain (He et al., ICWS 2017): lines, masked by `MessageShape`, descend a
/// fixed-depth parse tree by token count and leading tokens to a leaf of clusters, join the most similar one
/// when enough tokens agree, and turn the tokens that differ into `<*>`.
///
/// Deterministic (clusters are numbered in first-seen order and no dictionary is ever iterated) and
/// mergeable (`absorb(_:)`). Works on bytes: a cluster's text is made only when asked for.
package struct TemplateMiner: Sendable {
  /// One template: the masked tokens of its first line, the parts that varied since replaced by `<*>`.
  package struct Cluster: Sendable {
    /// A hash per token, as `TokenHash` hashes its text.
    fileprivate(set) var tokens: [UInt64]
    /// Each token's masked text.
    fileprivate(set) var texts: [[UInt8]]
    /// Lines it holds.
    package fileprivate(set) var count: Int

    /// The template: tokens separated by one space.
    package var text: String {
      String(decoding: Array(texts.joined(separator: [0x20])), as: UTF8.self)
    }
  }

  /// A node of the parse tree: inner nodes count their children, leaves hold clusters.
  private struct Node: Sendable {
    var children: Int32 = 0
    var clusters: [Int32] = []
  }

  /// A line joins a cluster when at least this share of its tokens agree (Drain's `st`); masked tokens agree
  /// with `<*>`. Measured on Loghub-2.0 2k (mean GA/PA): 0.5 → 0.83/0.72, 0.6 → 0.88/0.72, 0.7 → 0.90/0.74,
  /// 0.8 → 0.85/0.75.
  static let similarityThreshold = 0.7
  /// Leading tokens that pick a leaf after the token count (Drain's depth less two).
  static let treeTokens = 2
  /// Distinct tokens under one node before new ones share its `<*>` branch (Drain's `maxChild`).
  static let maximumChildren: Int32 = 100
  /// Line shapes remembered, so that a shape seen before skips the tree.
  static let shapeLimit = 1 << 16

  /// In first-seen order: a cluster's index is its id.
  package private(set) var clusters: [Cluster] = []
  /// No cluster is made beyond this many; such lines are not placed.
  package let clusterLimit: Int
  private var nodes: [Node] = [Node()]
  /// Child node by (parent node, token key).
  private var edges: [UInt64: Int32] = [:]
  /// Cluster by the hash of a line's whole masked shape.
  private var shapes: [UInt64: Int32] = [:]
  private var scratch = LineTokens()

  package init(clusterLimit: Int = .max) {
    self.clusterLimit = clusterLimit
  }

  /// Places one message; returns its cluster's id, or nil when a new cluster would pass `clusterLimit`.
  package mutating func add(_ message: UnsafeRawBufferPointer) -> Int? {
    let shape = MessageShape.hash(message)
    if let known = shapes[shape] {
      clusters[Int(known)].count += 1
      return Int(known)
    }
    scratch.reset()
    MessageShape.mask(message, into: &scratch)
    scratch.close()
    var text = TextSink()
    MessageShape.mask(message, into: &text)
    let placed = place(
      scratch.hashes, scratch.variable, weight: 1, texts: text.bytes.split(separator: 0x20).map(Array.init))
    if let placed, shapes.count < Self.shapeLimit { shapes[shape] = Int32(placed) }
    return placed
  }

  /// Adds a miner's clusters, as lines weighted by their counts, in its first-seen order; returns the id
  /// each of its clusters has here (nil for those past `clusterLimit`).
  package mutating func absorb(_ later: TemplateMiner) -> [Int?] {
    let ids = later.clusters.map { cluster in
      place(
        cluster.tokens, cluster.texts.map(Self.holdsWildcard), weight: cluster.count, texts: cluster.texts)
    }
    // Its shapes are kept only whole: a partial copy would depend on the dictionary's order.
    if shapes.count + later.shapes.count <= Self.shapeLimit {
      for (shape, cluster) in later.shapes where shapes[shape] == nil {
        if let id = ids[Int(cluster)] { shapes[shape] = Int32(id) }
      }
    }
    return ids
  }

  /// Finds the cluster for `tokens` (masked texts `texts`) or makes one.
  private mutating func place(
    _ tokens: [UInt64], _ variable: [Bool], weight: Int, texts: [[UInt8]]
  ) -> Int? {
    if let leaf = search(tokens, variable), let id = bestMatch(in: nodes[leaf].clusters, tokens) {
      generalise(id, to: tokens, texts)
      clusters[id].count += weight
      return id
    }
    guard clusters.count < clusterLimit else { return nil }
    let id = clusters.count
    clusters.append(Cluster(tokens: tokens, texts: texts, count: weight))
    nodes[insertPath(tokens, variable)].clusters.append(Int32(id))
    return id
  }

  private static func holdsWildcard(_ text: [UInt8]) -> Bool {
    text.indices.contains {
      text[$0] == 0x3C && $0 + 2 < text.count && text[$0 + 1] == 0x2A && text[$0 + 2] == 0x3E
    }
  }

  /// The key a token takes in the tree: masked tokens all take the `<*>` branch.
  @inline(__always)
  private static func key(_ hash: UInt64, _ variable: Bool) -> UInt64 {
    variable ? TokenHash.wildcard : hash
  }

  @inline(__always)
  private static func edge(_ node: Int32, _ key: UInt64) -> UInt64 {
    TokenHash.combine(UInt64(UInt32(bitPattern: node)) &+ 0x51ED, key)
  }

  /// The leaf for a line, if the tree has one: by token count, then by each leading token or `<*>`.
  private func search(_ tokens: [UInt64], _ variable: [Bool]) -> Int? {
    guard var node = edges[Self.edge(0, UInt64(tokens.count))] else { return nil }
    for index in 0..<min(Self.treeTokens, tokens.count) {
      if let child = edges[Self.edge(node, Self.key(tokens[index], variable[index]))] {
        node = child
      } else if let child = edges[Self.edge(node, TokenHash.wildcard)] {
        node = child
      } else {
        return nil
      }
    }
    return Int(node)
  }

  /// Makes the tree's path for a new cluster's tokens; returns its leaf.
  private mutating func insertPath(_ tokens: [UInt64], _ variable: [Bool]) -> Int {
    var node = child(of: 0, UInt64(tokens.count))
    for index in 0..<min(Self.treeTokens, tokens.count) {
      var key = Self.key(tokens[index], variable[index])
      if edges[Self.edge(node, key)] == nil && nodes[Int(node)].children >= Self.maximumChildren {
        key = TokenHash.wildcard
      }
      node = child(of: node, key)
    }
    return Int(node)
  }

  private mutating func child(of node: Int32, _ key: UInt64) -> Int32 {
    let edge = Self.edge(node, key)
    if let child = edges[edge] { return child }
    let child = Int32(nodes.count)
    nodes.append(Node())
    nodes[Int(node)].children += 1
    edges[edge] = child
    return child
  }

  /// The cluster of a leaf most similar to `tokens`, if similar enough: most tokens equal, then most `<*>`
  /// (Drain's tie-break), then the earliest.
  private func bestMatch(in candidates: [Int32], _ tokens: [UInt64]) -> Int? {
    var best: Int?
    var bestEqual = -1
    var bestWildcards = -1
    for candidate in candidates {
      let template = clusters[Int(candidate)].tokens
      var equal = 0
      var wildcards = 0
      for index in template.indices {
        if template[index] == tokens[index] {
          equal += 1
        } else if template[index] == TokenHash.wildcard {
          wildcards += 1
        }
      }
      if equal > bestEqual || (equal == bestEqual && wildcards > bestWildcards) {
        best = Int(candidate)
        bestEqual = equal
        bestWildcards = wildcards
      }
    }
    guard let best, Double(bestEqual) >= Self.similarityThreshold * Double(tokens.count) else { return nil }
    return best
  }

  /// Turns the parts of cluster `id`'s tokens that differ from the line's into `<*>`: the pieces both share
  /// at the start and at the end, cut at punctuation, stay (`rhost=a.example` and `rhost=<*>` give
  /// `rhost=<*>`, `[localhost]` and `[<*>]` give `[<*>]`).
  private mutating func generalise(_ id: Int, to tokens: [UInt64], _ texts: [[UInt8]]) {
    for index in tokens.indices where clusters[id].tokens[index] != tokens[index] {
      let merged = Self.merge(clusters[id].texts[index], texts[index])
      clusters[id].texts[index] = merged
      clusters[id].tokens[index] = merged.withUnsafeBytes { bytes in
        var hash = TokenHash()
        hash.add(bytes)
        return hash.finish()
      }
    }
  }

  /// Two differing token texts as one: their common head and tail, each ending or starting at punctuation,
  /// around `<*>`.
  static func merge(_ mine: [UInt8], _ theirs: [UInt8]) -> [UInt8] {
    let limit = min(mine.count, theirs.count)
    var head = 0
    while head < limit && mine[head] == theirs[head] { head += 1 }
    while head > 0 && !ByteClass.isDelimiter(mine[head - 1]) { head -= 1 }
    var tail = 0
    while tail < limit - head && mine[mine.count - 1 - tail] == theirs[theirs.count - 1 - tail] { tail += 1 }
    while tail > 0 && !ByteClass.isDelimiter(mine[mine.count - tail]) { tail -= 1 }
    return Array(mine[..<head]) + [0x3C, 0x2A, 0x3E] + Array(mine[(mine.count - tail)...])
  }
}
