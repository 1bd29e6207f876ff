import Signals

/// Mitigation ideas and follow-ups for the root cause's pattern. Suggestions only: nothing here is executed.
struct Playbook {
  let context: IncidentContext
  let cause: Hypothesis

  func mitigations() -> [Mitigation] {
    switch cause.kind {
    case .connectionExhaustion:
      guard let resource = cause.resource else { return [] }
      let users = context.extraction.processlist?.users ?? []
      let user =
        users.first { context.dependencies.service(forUser: $0.user) == cause.component } ?? users.first
      let ids = user?.idlestIds ?? []
      var killing: [Mitigation] = []
      if let user {
        killing.append(
          Mitigation(
            text:
              "End the longest-idle sessions of DB user \(user.user) on \(resource) to give other clients room "
              + "(self-managed MySQL with `KILL`, Amazon RDS with `mysql.rds_kill`).",
            commands: ids.map { "KILL \($0);" } + ids.map { "CALL mysql.rds_kill(\($0));" }))
        killing.append(
          Mitigation(
            text:
              "Or let pt-kill end every idle session of \(user.user) older than 10 minutes (print first, then add --kill).",
            commands: [
              "pt-kill --match-user \(user.user) --match-command Sleep --idle-time 600 --print"
            ]))
      }
      return killing + [
        Mitigation(
          text:
            "Restart or scale down \(cause.component) so its pool closes its connections, if killing is not possible.",
          commands: [])
      ]
    case .trafficSurge:
      return [
        Mitigation(
          text: "Rate-limit or shed the surge at the edge, and scale the saturated services.", commands: [])
      ]
    case .serviceLatency, .errorBurst:
      return [
        Mitigation(
          text:
            "Roll back or restart \(cause.component) if a change preceded the onset; otherwise capture thread "
            + "dumps or profiles of \(cause.component) while it is slow.",
          commands: [])
      ]
    default:
      return []
    }
  }

  func followUps() -> [String] {
    switch cause.kind {
    case .connectionExhaustion:
      let resource = cause.resource ?? "the database"
      return [
        "Bound \(cause.component)'s connection pool: maximum size, idle timeout and max lifetime below \(resource)'s wait_timeout.",
        "Alert on \(resource) connections above 80% of max_connections, per DB user.",
        "Give each service its own DB user and per-user connection limit (MAX_USER_CONNECTIONS) so one client cannot starve the others.",
        "Add a load test that holds the pool at its limit and checks that idle connections are returned.",
      ]
    case .trafficSurge:
      return ["Find the source of the surge and add rate limits or autoscaling for it."]
    default:
      return [
        "Find what changed in \(cause.component) at the onset (code path, dependency, configuration).",
        "Alert on \(cause.component) p90 latency and 5xx ratio.",
      ]
    }
  }
}
