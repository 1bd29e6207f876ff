/// Builders for series whose change points are known.
enum SyntheticSeries {
  /// Piecewise-constant levels (`(length, level)` pieces) plus Gaussian noise of SD `noise`.
  static func steps(_ pieces: [(length: Int, level: Double)], noise: Double, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return pieces.flatMap { piece in
      (0..<piece.length).map { _ in piece.level + noise * generator.gaussian() }
    }
  }

  /// Gaussian white noise of SD `noise` around `level`.
  static func noise(count: Int, level: Double = 0, noise: Double = 1, seed: UInt64) -> [Double] {
    steps([(count, level)], noise: noise, seed: seed)
  }

  /// Indices where a new piece begins: the true change points of `steps`.
  static func boundaries(_ pieces: [(length: Int, level: Double)]) -> [Int] {
    var boundaries: [Int] = []
    var position = 0
    for piece in pieces.dropLast() {
      position += piece.length
      boundaries.append(position)
    }
    return boundaries
  }
}
