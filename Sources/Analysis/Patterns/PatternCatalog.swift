/// Every incident pattern the engine tries, in no order of preference: the ranking decides by score.
enum PatternCatalog {
  static let all: [any IncidentPattern] = [
    ConnectionExhaustion(),
    TrafficSurge(),
    ResourceSaturation(),
    ServiceFault(),
    DeployRegression(),
    DependencyFailure(),
    LockContention(),
    DatabaseSaturation(),
    DatabaseUnavailable(),
  ]
}
