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
  /// Standardised size of the change (0 for `new` events, which have no noise scale).
  var effectSize: Double
  /// Where the detector placed the change itself (after a ramp, later than `milliseconds`).
  var changeMilliseconds: Int64

  /// True when the change makes things worse for users or the resource: a rise, a plateau, a new line.
  var isAdverse: Bool { change != .drop }
}
