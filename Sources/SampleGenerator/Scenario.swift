/// One incident the generator can write: the services, their traffic, and what goes wrong when.
public struct Scenario: Sendable {
  /// How a service behaves and where its logs go.
  struct Service: Sendable {
    var name: String
    /// The part the service plays in Robot-Shop (`shipping`, `ratings`, `web`…): what it logs and which
    /// routes it serves, whatever it is called in a variant.
    var role: String
    /// Requests per second at scale 1.
    var rate: Double
    var port: Int
    /// Median latency in seconds when healthy; p90 is about 2.2 × the median (log-normal, sigma 0.6).
    var medianLatency: Double
    var pods: [String]
    /// Which application log the service writes, if the bundle has one.
    var appLog: AppLog?
    var accessLogCompression: CompressionChoice
  }

  enum AppLog: Sendable {
    case springBoot, monolog, pino, nginx
  }

  enum CompressionChoice: Sendable {
    case gzip, lz4, plain
  }

  /// What goes wrong. Times are seconds from the window's start.
  enum Fault: Sendable {
    /// A client's pool leaks connections until the database's limit; every DB client then fails.
    case connectionLeak(client: String, otherClient: String, leakStart: Int, leakPerSecond: Double)
    /// One service slows down by itself.
    case slowService(service: String, onset: Int, medianLatency: Double)
  }

  public let name: String
  let start: Int64
  let duration: Int
  let services: [Service]
  let fault: Fault
  let maxConnections: Int
  /// The fraction of requests the mesh's access log records (Envoy `runtime_filter` percent sampling):
  /// the full rate is in `istio_requests_total`, and a full-rate log would not fit a committed sample.
  let accessLogSampling: Double

  public static let all: [Scenario] = [.dbExhaustion, .decoy]

  public static func named(_ name: String) -> Scenario? {
    all.first { $0.name == name }
  }

  /// The seed incident of DESIGN.md: shipping's Hikari pool leaks idle connections until MySQL is full.
  public static let dbExhaustion = Scenario(
    name: "robot-shop-db-exhaustion",
    start: CivilTime.epochSeconds(year: 2026, month: 11, day: 27, hour: 2, minute: 30), duration: 3600,
    services: robotShop(shippingPods: ["shipping-6c8d9f7b54-2xkqp", "shipping-6c8d9f7b54-w7m4t"]),
    fault: .connectionLeak(client: "shipping", otherClient: "ratings", leakStart: 1720, leakPerSecond: 0.47),
    maxConnections: 150, accessLogSampling: 0.25)

  /// Shipping slows down by itself one afternoon; the database is never involved.
  public static let decoy = Scenario(
    name: "shipping-latency-decoy",
    start: CivilTime.epochSeconds(year: 2026, month: 11, day: 28, hour: 14, minute: 0), duration: 3600,
    services: robotShop(shippingPods: ["shipping-7f9b6d8c45-m2k8r"]),
    fault: .slowService(service: "shipping", onset: 1290, medianLatency: 1.39),
    maxConnections: 150, accessLogSampling: 0.25)

  private static func robotShop(shippingPods: [String]) -> [Service] {
    [
      Service(
        name: "web", role: "web", rate: 20, port: 8080, medianLatency: 0.02, pods: ["web-5d8f7c9b6-hx4tq"],
        appLog: .nginx, accessLogCompression: .gzip),
      Service(
        name: "catalogue", role: "catalogue", rate: 35, port: 8080, medianLatency: 0.012, pods: ["catalogue-7d4b9c6f5-x8k2p"],
        appLog: .pino, accessLogCompression: .gzip),
      Service(
        name: "cart", role: "cart", rate: 30, port: 8080, medianLatency: 0.008, pods: ["cart-6b8d7c5f4-q2w7e"],
        appLog: .pino, accessLogCompression: .lz4),
      Service(
        name: "user", role: "user", rate: 21, port: 8080, medianLatency: 0.01, pods: ["user-85c9f6d7b8-t5n2v"],
        appLog: nil, accessLogCompression: .gzip),
      Service(
        name: "shipping", role: "shipping", rate: 14, port: 8080, medianLatency: 0.45, pods: shippingPods,
        appLog: .springBoot, accessLogCompression: .gzip),
      Service(
        name: "ratings", role: "ratings", rate: 12, port: 80, medianLatency: 0.03, pods: ["ratings-5f7c9b8d4-k2x7p"],
        appLog: .monolog, accessLogCompression: .gzip),
      Service(
        name: "payment", role: "payment", rate: 8, port: 8080, medianLatency: 0.05, pods: ["payment-64b8d9c7f5-r9j3h"],
        appLog: nil, accessLogCompression: .lz4),
    ]
  }
}
