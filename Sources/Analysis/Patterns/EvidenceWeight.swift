import RealModule

/// One piece of evidence weighed for or against a hypothesis, with the measurement behind it.
///
/// Weights are log-likelihood ratios in nats: how much more likely the observation is if the hypothesis is
/// true than if it is not. Patterns use the named grades so that "strong" means the same in every pattern;
/// the grades were set on the project's recorded incidents (samples, generator scenarios, lab recordings)
/// so that every one of them ranks its true origin first.
struct EvidenceWeight: Equatable {
  /// What was observed, with its numbers ("billing holds 94% of the growth in postgres connections").
  var reason: String
  var weight: Double

  /// Nearly impossible without the hypothesis (a plateau at `max_connections`, an OOM kill).
  static let decisive = 3.0
  /// Far more likely with it (one client's share of a resource's growth, a change point preceding symptoms).
  static let strong = 2.0
  static let moderate = 1.0
  static let weak = 0.5

  static func supports(_ reason: String, _ weight: Double) -> EvidenceWeight {
    EvidenceWeight(reason: reason, weight: weight)
  }

  static func contradicts(_ reason: String, _ weight: Double) -> EvidenceWeight {
    EvidenceWeight(reason: reason, weight: -weight)
  }

  /// A weight growing with a change's robust size: 3 deviations (the least that counts) give `moderate`,
  /// 30 `strong`, 300 `decisive`.
  static func size(_ magnitude: Double) -> Double {
    guard magnitude.isFinite, magnitude > 0 else { return magnitude.isInfinite ? decisive : 0 }
    return min(decisive, max(moderate, moderate + Double.log10(magnitude / 3)))
  }
}
