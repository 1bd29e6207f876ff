import Signals

/// One significant change on one signal: the raw material of the timeline and the causal chain.
struct Finding: Sendable, Equatable {
  /// Index into the extraction's signals.
  var signal: Int
  var change: ChangeKind
  /// When the change began (a ramp's start, a template's first line), epoch milliseconds.
  var milliseconds: Int64
  /// How far the true onset may lie from `milliseconds`.
  var uncertaintyMilliseconds: Int64
  var before: Double
  var after: Double
  /// Standardised size of the change as the detector saw it (0 for `new` events, which have no noise scale).
  var effectSize: Double
  /// Robust size of the change: how many robust deviations of the pre-onset baseline (median, MAD/IQR) the
  /// new level lies away, with the unit's floor as the smallest spread; comparable across signals.
  var magnitude: Double
  /// Where the detector placed the change itself (after a ramp, later than `milliseconds`).
  var changeMilliseconds: Int64

}
