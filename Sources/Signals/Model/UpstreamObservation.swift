/// A route an access log saw a proxy send to an upstream: the evidence for a proxy → service edge.
public struct UpstreamObservation: Sendable, Equatable, Codable {
  /// The service whose access log it is (the edge proxy, or the sidecar's workload).
  public var proxy: String
  /// `GET /api/orders/{id}`.
  public var route: String
  /// The upstream address or cluster as logged (`10.44.1.7:8080`, `outbound|8080||shipping.shop.svc…`).
  public var upstream: String
  /// The service the upstream names, when it names one (an Envoy cluster's or a host name's first label).
  public var service: String?
  public var requests: Int

  public init(proxy: String, route: String, upstream: String, service: String?, requests: Int) {
    self.proxy = proxy
    self.route = route
    self.upstream = upstream
    self.service = service
    self.requests = requests
  }

  /// `outbound|8080||shipping.shop.svc.cluster.local` → `shipping`; `inbound|8080||` → the proxy's own
  /// workload (`proxy`); `cart:8080` → `cart`; an IP address names none.
  public static func service(ofUpstream upstream: String, proxy: String) -> String? {
    if upstream.hasPrefix("inbound|") { return proxy }
    var host = Substring(upstream)
    if upstream.hasPrefix("outbound|") || upstream.hasPrefix("outbound_") {
      host = upstream.split(separator: "|", omittingEmptySubsequences: false).last ?? ""
    }
    host = host.prefix { $0 != ":" }
    guard let first = host.split(separator: ".").first, !first.isEmpty,
      !first.allSatisfy({ $0.isNumber })
    else { return nil }
    return String(first)
  }
}
