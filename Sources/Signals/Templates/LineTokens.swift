/// The masked tokens of one line as the miner compares them: a hash per token and whether it is variable.
///
/// Reused from line to line, so that reading a line allocates nothing once the arrays have grown.
struct LineTokens: MaskedTokenSink {
  private(set) var hashes: [UInt64] = []
  /// Whether each token holds a wildcard or a digit: such a token never names a branch of the parse tree
  /// (Drain's rule: `rdd_2_1` and `rdd_2_3` must meet in one leaf to be compared).
  private(set) var variable: [Bool] = []
  private var current = TokenHash()
  private var started = false
  private var digits = false

  mutating func reset() {
    hashes.removeAll(keepingCapacity: true)
    variable.removeAll(keepingCapacity: true)
    started = false
  }

  @inline(__always)
  mutating func beginToken() {
    close()
    started = true
    digits = false
    current = TokenHash()
  }

  @inline(__always)
  mutating func add(_ text: UnsafeRawBufferPointer) {
    current.add(text)
    if !digits { digits = text.contains { $0 &- 0x30 < 10 } }
  }

  @inline(__always)
  mutating func addWildcard() { current.addWildcard() }

  /// Ends the last token; call once after masking.
  mutating func close() {
    guard started else { return }
    hashes.append(current.finish())
    variable.append(current.isVariable || digits)
    started = false
  }
}
