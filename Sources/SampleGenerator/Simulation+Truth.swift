/// What the simulation injected, in the vocabulary of `rca.json`.
extension Simulation {
  func groundTruth() -> GroundTruth {
    func time(_ t: Int) -> String { CivilTime(epochSeconds: scenario.start + Int64(t)).rfc3339 }
    let window = GroundTruth.Window(from: time(0), to: time(scenario.duration))
    switch scenario.fault {
    case .connectionLeak(let client, let other, let leakStart, _):
      let onset = model.symptomOnset ?? 0
      var events = [
        GroundTruth.Event(
          component: "mysql", subject: client, signalKind: "db-connections", change: "rise",
          time: time(leakStart)),
        GroundTruth.Event(
          component: "mysql", subject: nil, signalKind: "db-connections", change: "plateau",
          time: time(model.exhaustion ?? 0)),
        GroundTruth.Event(
          component: client, subject: nil, signalKind: "latency-p90", change: "rise", time: time(onset)),
        GroundTruth.Event(
          component: client, subject: nil, signalKind: "error-rate", change: "rise", time: time(onset)),
        GroundTruth.Event(
          component: other, subject: nil, signalKind: "error-rate", change: "rise", time: time(onset)),
      ]
      if let first = firstTimeoutMilliseconds {
        events.insert(
          GroundTruth.Event(
            component: client, subject: nil, signalKind: "log-template", change: "new",
            time: CivilTime(epochSeconds: first / 1000).rfc3339),
          at: 2)
      }
      return GroundTruth(
        scenario: scenario.name, seed: seedUsed, window: window,
        rootCause: GroundTruth.Cause(
          component: client, kind: "connection-exhaustion", resource: "mysql", onset: time(leakStart)),
        collateral: [other], ruledOut: ["traffic"], events: events)
    case .slowService(let service, let onset, _):
      return GroundTruth(
        scenario: scenario.name, seed: seedUsed, window: window,
        rootCause: GroundTruth.Cause(
          component: service, kind: "service-latency", resource: nil, onset: time(onset)),
        collateral: [], ruledOut: ["traffic", "database"],
        events: [
          GroundTruth.Event(
            component: service, subject: nil, signalKind: "latency-p90", change: "rise", time: time(onset))
        ])
    }
  }
}
