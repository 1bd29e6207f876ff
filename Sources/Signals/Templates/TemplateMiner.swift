/// Online log template mining after Drain (He et al., ICWS 2017): lines, masked by `MessageShape`, descend a
/// fixed-depth parse tree by token count and leading tokens to a leaf of clusters, join the most similar one
/// when enough tokens agree, and turn the parts of tokens that differ into `<*>`. Unlike Drain, a line that
/// differs from its best cluster in one word only stays apart until enough such clusters show that the word
/// is a variable (`fold(_:)`).
///
/// Deterministic (clusters are numbered in first-seen order; no result depends on a dictionary's order) and
/// mergeable (`absorb(_:)`). Works on bytes: a cluster's text is made only when asked for.
package struct TemplateMiner: Sendable {
  /// One template: the masked tokens of its first line, the parts that varied since replaced by `<*>`.
  private struct Cluster: Sendable {
    /// A hash per token, as `TokenHash` hashes its text.
    var tokens: [UInt64]
    /// Each token's masked text.
    var texts: [[UInt8]]
    /// Lines it holds.
    var count: Int
    /// The cluster it was folded into (`fold(_:)`), or its own id.
    var root: Int32
    /// The tree leaf that holds it.
    let leaf: Int32

    /// The template: tokens separated by one space.
    var text: String {
      String(decoding: Array(texts.joined(separator: [0x20])), as: UTF8.self)
    }
  }

  /// A node of the parse tree: inner nodes count their children, leaves hold clusters.
  private struct Node: Sendable {
    var children: Int32 = 0
    var clusters: [Int32] = []
  }

  /// A line joins a cluster when at least this share of its tokens agree (Drain's `st`); masked tokens agree
  /// with `<*>`. Measured on Loghub-2.0 2k (mean GA/PA, folding at 4): 0.6 → 0.89/0.74, 0.65 → 0.91/0.76,
  /// 0.7 → 0.92/0.77, 0.75 → 0.89/0.77, 0.8 → 0.89/0.77.
  static let similarityThreshold = 0.7
  /// Leading tokens that pick a leaf after the token count (Drain's depth less two).
  static let treeTokens = 2
  /// Distinct tokens under one node before new ones share its `<*>` branch (Drain's `maxChild`).
  static let maximumChildren: Int32 = 100
  /// Clusters of one length that differ from each other in one word only are one template once there are
  /// this many (after Brain, Yu et al. 2023: a variable takes many values, a constant few): `VM Resumed`,
  /// `VM Started` and `"GET`, `"POST` stay apart; user names fold. Measured (mean GA/PA at 0.7): plain Drain
  /// 0.90/0.74; folding at 3 → 0.88/0.76, 4 → 0.92/0.77, 5 → 0.92/0.77, 6 → 0.92/0.77.
  static let foldingValues = 4
  /// Line shapes remembered, so that a shape seen before skips the tree.
  static let shapeLimit = 1 << 16

  /// In first-seen order: a cluster's index is its id.
  private var clusters: [Cluster] = []
  /// No cluster is made beyond this many; such lines are not placed.
  package let clusterLimit: Int
  private var nodes: [Node] = [Node()]
  /// Child node by (parent node, token key).
  private var edges: [UInt64: Int32] = [:]
  /// Unfolded clusters by token count: `fold(_:)` looks across leaves, as the word that varies may be one
  /// that chose the leaf (`com.apple.x: …`, `com.apple.y: …`).
  private var byLength: [Int: [Int32]] = [:]
  /// Clusters folded at a leading token, by token count: a line whose leaf holds no match tries these.
  private var foldedLeading: [Int: [Int32]] = [:]
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
      let id = root(Int(known))
      clusters[id].count += 1
      return id
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

  /// Clusters made so far, folded ones included: ids are below this.
  package var clusterCount: Int { clusters.count }

  /// The template of cluster `id` (of the cluster it was folded into, if it was).
  package func text(of id: Int) -> String { clusters[root(id)].text }

  /// Lines placed in cluster `id` and in those folded into it.
  package func lines(of id: Int) -> Int { clusters[root(id)].count }

  private func root(_ id: Int) -> Int {
    var id = id
    while Int(clusters[id].root) != id { id = Int(clusters[id].root) }
    return id
  }

  /// Adds a miner's clusters, as lines weighted by their counts, in its first-seen order; returns the id
  /// each of its clusters has here (nil for those past `clusterLimit`).
  package mutating func absorb(_ later: TemplateMiner) -> [Int?] {
    var ids: [Int?] = []
    for (index, cluster) in later.clusters.enumerated() {
      // A folded cluster's lines were counted in the one it was folded into, which comes earlier.
      let root = later.root(index)
      ids.append(
        root != index
          ? ids[root].map(self.root)
          : place(
            cluster.tokens, cluster.texts.map(Self.isVariable), weight: cluster.count, texts: cluster.texts
          ))
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
    let leaf = search(tokens, variable).map { nodes[$0].clusters } ?? []
    for candidates in [leaf, foldedLeading[tokens.count] ?? []] {
      if let id = bestMatch(in: candidates, tokens), !differsInOneWord(clusters[id], tokens, texts) {
        generalise(id, to: tokens, texts)
        clusters[id].count += weight
        return id
      }
    }
    guard clusters.count < clusterLimit else { return nil }
    let id = clusters.count
    let leafNode = insertPath(tokens, variable)
    clusters.append(
      Cluster(tokens: tokens, texts: texts, count: weight, root: Int32(id), leaf: Int32(leafNode)))
    nodes[leafNode].clusters.append(Int32(id))
    byLength[tokens.count, default: []].append(Int32(id))
    fold(id)
    return root(id)
  }

  /// Whether a line differs from a cluster in one token only, a word on both sides (no `<*>`): it may be
  /// another message (`VM Resumed`, `VM Started`), and joins only when `fold(_:)` finds enough such.
  private func differsInOneWord(_ cluster: Cluster, _ tokens: [UInt64], _ texts: [[UInt8]]) -> Bool {
    guard let position = Self.soleDifference(cluster.tokens, tokens) else { return false }
    return !Self.holdsWildcard(cluster.texts[position]) && !Self.holdsWildcard(texts[position])
  }

  /// The one position where two token sequences of one length differ, if there is exactly one.
  private static func soleDifference(_ mine: [UInt64], _ theirs: [UInt64]) -> Int? {
    var found: Int?
    for index in mine.indices where mine[index] != theirs[index] {
      if found != nil { return nil }
      found = index
    }
    return found
  }

  /// Folds the clusters of cluster `id`'s length that differ from it in the same one word, once they are
  /// `foldingValues`, into the earliest: the word becomes `<*>`, and their ids lead to it.
  private mutating func fold(_ id: Int) {
    let tokens = clusters[id].tokens
    // Lines that differ in one word are alike only when the words they share are enough to join them.
    guard Double(tokens.count - 1) >= Self.similarityThreshold * Double(tokens.count) else { return }
    var byPosition: [Int: [Int32]] = [:]
    for other in byLength[tokens.count] ?? [] where Int(other) != id {
      if let position = Self.soleDifference(clusters[Int(other)].tokens, tokens),
        !Self.holdsWildcard(clusters[Int(other)].texts[position])
      {
        byPosition[position, default: []].append(other)
      }
    }
    for position in tokens.indices {
      guard var group = byPosition[position], group.count + 1 >= Self.foldingValues else { continue }
      group.append(Int32(id))
      let survivor = Int(group[0])
      for other in group.dropFirst().map({ Int($0) }) {
        generalise(survivor, to: clusters[other].tokens, clusters[other].texts)
        clusters[survivor].count += clusters[other].count
        clusters[other].root = Int32(survivor)
        nodes[Int(clusters[other].leaf)].clusters.removeAll { Int($0) == other }
      }
      byLength[tokens.count]!.removeAll { clusters[Int($0)].root != $0 }
      if position < Self.treeTokens { foldedLeading[tokens.count, default: []].append(Int32(survivor)) }
      return
    }
  }

  /// Whether a token takes the tree's `<*>` branch, as `LineTokens` decides for a line's: it holds `<*>` or a
  /// digit.
  private static func isVariable(_ text: [UInt8]) -> Bool {
    holdsWildcard(text) || text.contains { $0 &- 0x30 < 10 }
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
