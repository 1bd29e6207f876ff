/// What a signal measures, in a vocabulary `rca.json`, tests and tickets can match on.
public enum SignalKind: String, Sendable, Equatable, Codable, CaseIterable {
  case requestRate = "request-rate"
  case errorRate = "error-rate"
  case latencyP50 = "latency-p50"
  case latencyP90 = "latency-p90"
  case latencyP99 = "latency-p99"
  case logLevel = "log-level"
  case logTemplate = "log-template"
  case dbConnections = "db-connections"
  case dbConnectionsByCommand = "db-connections-by-command"
  case dbConnectionsByHost = "db-connections-by-host"
  case dbConnectionsByState = "db-connections-by-state"
  case dbSleeping = "db-sleeping-connections"
  case dbIdleAge = "db-idle-age"
  case dbIdleAgeP90 = "db-idle-age-p90"
  case dbHeadroom = "db-connection-headroom"
  case dbMaxConnections = "db-max-connections"
  case dbConnectionErrors = "db-connection-errors"
  case metric
}
