/// The same incidents with other names, sizes and timings, so that a test or benchmark passing on them
/// shows the analysis follows the data and not the sample's names.
extension Scenario {
  /// Names a variant draws its services from: none contains another, none is a Robot-Shop name.
  static let namePool = [
    "orders", "billing", "search", "inventory", "accounts", "media", "ledger", "profile", "gateway", "notify",
    "reviews", "pricing", "basket", "tracking", "quotes",
  ]

  /// This scenario with its services renamed, its fault moved and resized, and its window on another day,
  /// all drawn from `seed`.
  public func variant(seed: UInt64) -> Scenario {
    var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 17)
    var pool = Self.namePool
    var names: [String: String] = [:]
    for service in services {
      let index = random.int(0...(pool.count - 1))
      names[service.name] = pool.remove(at: index)
    }
    let renamed = services.map { service -> Service in
      var service = service
      let name = names[service.name]!
      service.pods = service.pods.map { name + $0.dropFirst(service.name.count) }
      service.name = name
      return service
    }
    let fault: Fault
    switch self.fault {
    case .connectionLeak(let client, let other, _, _):
      fault = .connectionLeak(
        client: names[client]!, otherClient: names[other]!, leakStart: random.int(900...2100),
        leakPerSecond: 0.35 + Double(random.int(0...35)) / 100)
    case .slowService(let service, _, let median):
      fault = .slowService(
        service: names[service]!, onset: random.int(700...2700),
        medianLatency: median * (0.8 + Double(random.int(0...80)) / 100))
    }
    return Scenario(
      name: "\(name)-variant-\(seed)",
      start: start + Int64(random.int(1...40)) * 86_400 + Int64(random.int(0...23)) * 3600,
      duration: duration, services: renamed, fault: fault,
      maxConnections: maxConnections + random.int(-40...60),
      accessLogSampling: accessLogSampling)
  }
}
