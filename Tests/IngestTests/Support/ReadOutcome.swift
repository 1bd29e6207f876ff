import Ingest

/// Everything one `forEachLine` run produced, copied out for assertions.
struct ReadOutcome {
  var lines: [[UInt8]] = []
  var numbers: [Int] = []
  var error: IngestError?
  var reader: LineReader

  /// The lines as text, for inputs known to be UTF-8.
  var text: [String] { lines.map { String(decoding: $0, as: UTF8.self) } }

  /// Reads `path` to its end or its fault; `configure` may change the reader's settings first.
  init(path: String, configure: (inout LineReader) -> Void = { _ in }) throws {
    reader = LineReader(source: Source(path: path))
    configure(&reader)
    var lines: [[UInt8]] = []
    var numbers: [Int] = []
    do {
      try reader.forEachLine { line, number in
        lines.append(Array(line))
        numbers.append(number)
      }
    } catch let fault as IngestError {
      error = fault
    }
    self.lines = lines
    self.numbers = numbers
  }
}

/// Numbered log-like lines of varying length, so chunk and block boundaries fall at varied places.
func sampleLines(_ count: Int, tag: String = "") -> [String] {
  (0..<count).map { index in
    "2026-11-27 03:00:\(index % 60) INFO \(tag) request \(index) took \(index * 7 % 1000) ms"
      + String(repeating: "x", count: index % 37)
  }
}

/// The bytes of `lines`, each ended by `\n`.
func joined(_ lines: [String]) -> [UInt8] {
  Array(lines.map { $0 + "\n" }.joined().utf8)
}

/// A small fixed-seed generator (SplitMix64), so "random" inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
