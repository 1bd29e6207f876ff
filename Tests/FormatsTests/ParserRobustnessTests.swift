import Testing

@testable import Formats

/// Bad input must never crash a parser or make it point outside the line it was given.
@Suite("Parsers on damaged lines")
struct ParserRobustnessTests {
  private static let parsers: [any LineParser.Type] = [
    SpringBootParser.self, MonologParser.self, JSONLinesParser.self, EnvoyAccessParser.self,
    NginxAccessParser.self,
  ]

  /// Every prefix of each catalog example, and 2,000 copies with random bytes overwritten, inserted or removed.
  private static func damagedLines() -> [[UInt8]] {
    var generator = SplitMix64(seed: 0xBAD)
    var lines: [[UInt8]] = []
    let examples = FormatCatalog.entries.map { Array($0.example.utf8) }
    for example in examples {
      for end in 0...example.count { lines.append(Array(example[..<end])) }
      for _ in 0..<400 {
        var line = example
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          let position = Int.random(in: 0..<max(line.count, 1), using: &generator)
          let byte: UInt8 = [0x20, 0x22, 0x5B, 0x5D, 0x7B, 0x7D, 0x3A, 0x5C, 0x2D, 0x30, 0x39, 0x00, 0xFF]
            .randomElement(
              using: &generator)!
          switch Int.random(in: 0..<3, using: &generator) {
          case 0 where !line.isEmpty: line[position] = byte
          case 1: line.insert(byte, at: min(position, line.count))
          default: if !line.isEmpty { line.remove(at: position) }
          }
        }
        lines.append(line)
      }
    }
    return lines
  }

  @Test("no crash, and every reported range lies inside its line")
  func rangesStayInside() {
    let lines = Self.damagedLines()
    for parser in Self.parsers {
      let outside = countRangesOutside(parser, lines)
      #expect(outside == 0, "\(parser.format)")
    }
  }

  private func countRangesOutside<P: LineParser>(_: P.Type, _ lines: [[UInt8]]) -> Int {
    var parser = P(context: ParserContext(path: "fuzz", options: ReadOptions()))
    var outside = 0
    for (index, line) in lines.enumerated() {
      line.withUnsafeBytes { bytes in
        _ = P.recognizes(bytes)
        let bounds = 0...bytes.count
        switch parser.parse(bytes, number: index + 1) {
        case .log(let event):
          if !bounds.contains(event.message.lowerBound) || !bounds.contains(event.message.upperBound) {
            outside += 1
          }
        case .request(let request):
          if let cluster = request.upstreamCluster,
            !bounds.contains(cluster.lowerBound) || !bounds.contains(cluster.upperBound)
          {
            outside += 1
          }
        default:
          break
        }
      }
    }
    return outside
  }
}
