/// The state of the simulated system at each second: connections, latency and failure odds per service.
struct IncidentModel {
  let scenario: Scenario

  /// Connections each healthy client keeps: shipping's Hikari pools (10 per pod, minimumIdle = max).
  static let poolConnections = 10
  /// `rdsadmin`'s own session and the `admin` session that runs the capture.
  static let housekeepingConnections = 2

  /// When a leak fills the server (seconds from the start), or nil when nothing does.
  var exhaustion: Int? {
    guard case .connectionLeak(let client, _, let leakStart, let perSecond) = scenario.fault else {
      return nil
    }
    let room = Double(scenario.maxConnections + 1 - Self.housekeepingConnections - baseConnections(client))
    return leakStart + Int((room / perSecond).rounded(.up))
  }

  func baseConnections(_ client: String) -> Int {
    Self.poolConnections * (scenario.services.first { $0.name == client }?.pods.count ?? 1)
  }

  /// Connections the leaking client has opened and never returned by second `t`.
  func leaked(at t: Int) -> Int {
    guard case .connectionLeak(let client, _, let leakStart, let perSecond) = scenario.fault, t >= leakStart
    else {
      return 0
    }
    let room = scenario.maxConnections + 1 - Self.housekeepingConnections - baseConnections(client)
    return min(room, Int(Double(t - leakStart + 1) * perSecond))
  }

  /// Requests that start at or after this second feel the fault.
  var symptomOnset: Int? {
    switch scenario.fault {
    case .connectionLeak: exhaustion.map { ($0 / 10 + 1) * 10 }
    case .slowService(_, let onset, _): onset
    }
  }

  /// Latency (seconds) and whether the request fails, for a request to `service` starting at `t`.
  func request(_ service: Scenario.Service, at t: Int, random: inout SplitMix64) -> (
    seconds: Double, fails: Bool
  ) {
    let healthy = random.logNormal(median: service.medianLatency, sigma: 0.6)
    guard let onset = symptomOnset, t >= onset else { return (healthy, false) }
    switch scenario.fault {
    case .slowService(let slow, _, let median):
      return service.name == slow ? (random.logNormal(median: median, sigma: 0.6), false) : (healthy, false)
    case .connectionLeak(let client, let other, _, _):
      if service.name == client {
        // Requests wait for Hikari (30 s timeout) and spring-retry; a share times out and returns 500.
        let retrying = t >= onset + 420
        if random.chance(retrying ? 0.3 : 0.05) { return (30 + random.unit() * (retrying ? 60 : 1), true) }
        return (random.logNormal(median: retrying ? 45 : 3.5, sigma: 0.6), false)
      }
      if service.name == other {
        // A new connection per request, refused at once by the full server.
        return random.chance(0.84) ? (random.logNormal(median: 0.015, sigma: 0.4), true) : (healthy, false)
      }
      return (healthy, false)
    }
  }
}
