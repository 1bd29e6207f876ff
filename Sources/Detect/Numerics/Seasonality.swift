/// A repeating pattern of fixed period (months of a year, days of a week), found and removed before the
/// search.
///
/// A seasonal swing moves every difference, so σ from differences reads it as noise, and its persistence
/// raises σ further: real level shifts in a seasonal series (a seat-belt law, a recession in air traffic)
/// could not clear the penalty. The period is the lag at which the first differences correlate most —
/// seasonal swings repeat there, while a level shift moves a single difference and a trend none — and the
/// pattern is the classical decomposition's: the per-phase median of the values less their centred moving
/// average over one period (Brockwell & Davis, *Introduction to Time Series and Forecasting*, §1.5). On
/// TCPD it took F1/cover from 0.774/0.713 to 0.788/0.720 (seatbelts 0.621/0.528 → 0.974/0.865), the same
/// for thresholds of 0.3…0.5; 0.6 missed seatbelts' season.
enum Seasonality {
  /// The differences are clipped at this many of their robust SDs, as in `DifferenceAutocorrelation`, so a
  /// few steps or spikes can neither fake nor hide a period.
  static let clip = 2.5
  /// Periods considered: 2 (alternation) up to this, and at most a quarter of the series (four cycles).
  static let maximumPeriod = 60
  /// The smallest correlation of the differences at the period; also at least 4/√n, four standard errors
  /// of a white series' correlation, so a short series cannot find a season by chance.
  static let threshold = 0.4

  /// The period of `values` (whose noise scale from differences is `scale`): the lag of 2…`maximumPeriod`
  /// at which the clipped first differences correlate most, when that correlation is a peak (above both
  /// neighbouring lags) and reaches the threshold — or its shortest divisor that correlates within two
  /// standard errors as much, since multiples of a period correlate as much; nil otherwise.
  static func period(_ values: UnsafeBufferPointer<Double>, scale: Double) -> Int? {
    let count = values.count - 1
    let longest = min(maximumPeriod, values.count / 4)
    guard longest >= 2, scale > 0 else { return nil }
    let threshold = max(Self.threshold, 4 / Double(count).squareRoot())
    var differences = [Double](repeating: 0, count: count)
    for index in 0..<count { differences[index] = values[index + 1] - values[index] }
    var copy = differences
    let center = copy.withUnsafeMutableBufferPointer { OrderStatistics.median($0) }
    let limit = clip * scale * 2.0.squareRoot()
    var squares = 0.0
    for index in 0..<count {
      let clipped = min(max(differences[index] - center, -limit), limit)
      differences[index] = clipped
      squares += clipped * clipped
    }
    guard squares > 0 else { return nil }
    let correlations = differences.withUnsafeBufferPointer { differences in
      (0...(longest + 1)).map { lag in
        guard lag < count else { return 0.0 }
        var sum = 0.0
        for index in lag..<count { sum += differences[index] * differences[index - lag] }
        return sum / squares
      }
    }
    let peaks = (2...longest).filter { lag in
      correlations[lag] >= threshold && correlations[lag] > correlations[lag - 1]
        && correlations[lag] >= correlations[lag + 1]
    }
    guard let best = peaks.max(by: { correlations[$0] < correlations[$1] }) else { return nil }
    // Multiples of the period correlate as much: the shortest divisor within two standard errors.
    let bar = correlations[best] - 2 / Double(count).squareRoot()
    return (2...best).first { best % $0 == 0 && correlations[$0] >= bar } ?? best
  }

  /// `values` less their seasonal pattern of `period`: the per-phase medians of the values less their
  /// centred moving average (a 2×`period` average for an even period), centred to sum to zero.
  static func adjusted(_ values: [Double], period: Int) -> [Double] {
    let count = values.count
    let half = period / 2
    guard period >= 2, count >= 2 * period + 1 else { return values }
    var phases = [[Double]](repeating: [], count: period)
    var window = 0.0
    // The sum over (t − half)…(t + half); an even period weighs the two ends by ½.
    for index in 0..<min(2 * half + 1, count) { window += values[index] }
    for index in half..<(count - half) {
      if index > half { window += values[index + half] - values[index - half - 1] }
      let average =
        period % 2 == 1
        ? window / Double(period)
        : (window - (values[index - half] + values[index + half]) / 2) / Double(period)
      phases[index % period].append(values[index] - average)
    }
    var pattern = phases.map { phase -> Double in
      var phase = phase
      return phase.withUnsafeMutableBufferPointer { OrderStatistics.median($0) }
    }
    let mean = pattern.reduce(0, +) / Double(period)
    for phase in pattern.indices { pattern[phase] -= mean }
    return values.indices.map { values[$0] - pattern[$0 % period] }
  }
}
